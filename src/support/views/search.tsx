import { DataTable, ErrorSummary, Field, type FieldErrors } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import type { CardHit, MemberHit } from '../find-members.ts';
import { renderConsolePage } from './frame.tsx';

export interface SearchProps {
  query?: string;
  last4?: string;
  birthDate?: string;
  errors?: FieldErrors;
  members?: MemberHit[];
  cards?: CardHit[];
  status?: 200 | 400 | 429;
}

/** The console home: find the caller's member ID, by member data or by card last 4 + birth date. */
export function renderSearchPage(c: AppContext, props: SearchProps = {}) {
  const t = c.get('t');
  return renderConsolePage(
    c,
    { title: t('support.search.title'), status: props.status ?? 200 },
    <>
      <h1>{t('support.search.title')}</h1>
      <ErrorSummary t={t} errors={props.errors ?? {}} />
      <div class="grid">
        <section class="panel" aria-labelledby="search-member-title">
          <h2 id="search-member-title">{t('support.search.member')}</h2>
          <form method="get" action="/support/members" class="stack" novalidate>
            <Field
              name="q"
              label={t('support.search.q')}
              hint={t('support.search.q.hint')}
              value={props.query}
              error={props.errors?.q}
              required
              maxlength={254}
            />
            <button type="submit" class="button primary">
              {t('support.search.submit')}
            </button>
          </form>
        </section>
        <section class="panel" aria-labelledby="search-card-title">
          <h2 id="search-card-title">{t('support.search.card')}</h2>
          <form method="get" action="/support/cards" class="stack" novalidate>
            <Field
              name="last4"
              label={t('support.search.last4')}
              value={props.last4}
              error={props.errors?.last4}
              inputmode="numeric"
              maxlength={4}
              required
            />
            <Field
              name="birthDate"
              type="date"
              label={t('support.search.birthDate')}
              value={props.birthDate}
              error={props.errors?.birthDate}
              required
            />
            <button type="submit" class="button">
              {t('support.search.cardSubmit')}
            </button>
          </form>
        </section>
      </div>
      {props.members ? <MemberResults c={c} hits={props.members} /> : null}
      {props.cards ? <CardResults c={c} hits={props.cards} /> : null}
    </>,
  );
}

function MemberResults(props: { c: AppContext; hits: MemberHit[] }) {
  const t = props.c.get('t');
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{t('support.results.title', { count: props.hits.length })}</h2>
      {props.hits.length === 0 ? (
        <p>{t('support.results.none')}</p>
      ) : (
        <DataTable
          head={[
            t('support.member.userId'),
            t('support.member.email'),
            t('support.member.status'),
            t('support.member.cards'),
          ]}
          rows={props.hits.map((h) => [
            <a href={`/support/members/${h.memberId}`}>{h.userId}</a>,
            h.maskedEmail,
            t(`support.memberStatus.${h.status}`),
            h.cards.length === 0
              ? t('support.member.noCards')
              : h.cards.map((card) => t('support.card.last4', { last4: card.last4 })).join(', '),
          ])}
        />
      )}
    </section>
  );
}

function CardResults(props: { c: AppContext; hits: CardHit[] }) {
  const t = props.c.get('t');
  return (
    <section aria-labelledby="card-results-title">
      <h2 id="card-results-title">{t('support.results.cards', { count: props.hits.length })}</h2>
      {props.hits.length === 0 ? (
        <p>{t('support.results.none')}</p>
      ) : (
        <DataTable
          head={[
            t('support.card.card'),
            t('support.card.status'),
            t('support.card.appliedBy'),
            t('support.member.email'),
          ]}
          rows={props.hits.map((h) => [
            t('support.card.last4', { last4: h.last4 }),
            t(`support.cardStatus.${h.status as 'active'}`),
            h.memberId && h.userId ? (
              <a href={`/support/members/${h.memberId}`}>{h.userId}</a>
            ) : (
              t('support.card.noMember')
            ),
            h.maskedEmail ?? '—',
          ])}
        />
      )}
    </section>
  );
}
