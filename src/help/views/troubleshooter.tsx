import { errorHelpPath } from '../../errors/catalog.ts';
import type { Params } from '../../i18n/index.ts';
import { ContactBox, Notice } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { articlePath, helpLibrary } from '../articles.ts';
import { articlePlaceholders } from '../markdown.ts';
import {
  type TroubleAnswer,
  type TroubleFix,
  type TroubleNode,
  type TroubleQuestion,
  troubleStepPath,
} from '../troubleshooter.ts';
import { renderHelpPage } from './shell.tsx';

/** The text of an answer: a message, or "CODE — title" for an error code. */
export function answerLabel(c: AppContext, answer: TroubleAnswer): string {
  const t = c.get('t');
  if (typeof answer.label === 'string') return t(answer.label);
  const { code } = answer.label;
  return t('help.trouble.codeAnswer', { code, title: t(`error.${code}.title`) });
}

function Question(props: { c: AppContext; node: TroubleQuestion; params: Params }) {
  const t = props.c.get('t');
  return (
    <section class="trouble-question" aria-labelledby="trouble-q">
      <h2 id="trouble-q">{t(props.node.question, props.params)}</h2>
      {props.node.hint ? <p class="hint">{t(props.node.hint, props.params)}</p> : null}
      <ul class="answers">
        {props.node.answers.map((answer) => (
          <li>
            <a href={troubleStepPath(answer.next)}>{answerLabel(props.c, answer)}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Fix(props: { c: AppContext; node: TroubleFix; params: Params }) {
  const { c, node, params } = props;
  const t = c.get('t');
  const article = node.article ? helpLibrary().find(c.get('lang'), node.article) : undefined;
  return (
    <section class="trouble-fix" aria-labelledby="trouble-fix-title" data-fix={node.id}>
      <p class="trouble-cause-label">{t('help.trouble.causeLabel')}</p>
      <h2 id="trouble-fix-title">{t(node.title, params)}</h2>
      {node.code ? (
        <p>
          <a href={errorHelpPath(node.code)} class="error-code-tag">
            {t('error.code', { code: node.code })}
          </a>
        </p>
      ) : null}
      <h3>{t('help.trouble.why')}</h3>
      <p>{t(node.why, params)}</p>
      <h3>{t('help.trouble.steps')}</h3>
      <ol>
        {node.steps.map((step) => (
          <li>{t(step, params)}</li>
        ))}
      </ol>
      <h3>{t('help.trouble.next')}</h3>
      <div class="button-row">
        {node.links.map((link, i) => (
          <a class={i === 0 ? 'button primary' : 'button'} href={link.href}>
            {t(link.label, link.params)}
          </a>
        ))}
      </div>
      {node.contactCenter ? <ContactBox c={c} /> : null}
      {article ? (
        <p>
          <a href={articlePath(article)}>
            {t('help.trouble.article')}: {article.title}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** /help/login-trouble[?step=ID]: one question (answers are links) or one fix. */
export function renderTroubleshooterPage(c: AppContext, node: TroubleNode, unknownStep: boolean) {
  const t = c.get('t');
  const { config } = c.get('deps');
  const params: Params = {
    ...articlePlaceholders(config),
    opens: config.contact.opens,
    closes: config.contact.closes,
  };
  return renderHelpPage(
    c,
    {
      title:
        node.kind === 'fix'
          ? `${t(node.title, params)} | ${t('help.trouble.title')}`
          : t('help.trouble.title'),
      crumbs: [{ href: '/help/login-trouble', label: t('help.trouble.title') }],
    },
    <div class="trouble">
      <h1>{t('help.trouble.title')}</h1>
      {unknownStep ? <Notice kind="info">{t('help.trouble.unknownStep')}</Notice> : null}
      {node.kind === 'question' ? (
        <>
          {node.id === 'start' ? <p class="lead">{t('help.trouble.lead')}</p> : null}
          <Question c={c} node={node} params={params} />
        </>
      ) : (
        <Fix c={c} node={node} params={params} />
      )}
      {node.id === 'start' ? null : (
        <p>
          <a href="/help/login-trouble">{t('help.trouble.startOver')}</a>
        </p>
      )}
    </div>,
  );
}
