import { DataTable, ErrorSummary, Field, type FieldErrors, Form, Notice } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { type MemberHit, PREFIX_MAX_HITS } from '../find-members.ts';
import { renderConsolePage } from './frame.tsx';

export interface SearchProps {
  query?: string;
  errors?: FieldErrors;
  members?: MemberHit[];
  /** The members listed are a prefix search's (not an exact match). */
  prefix?: boolean;
  /** What was typed in the caller form (never the card number). */
  caller?: Record<string, string>;
  callerErrors?: FieldErrors;
  /** The caller form's details verified nobody (one answer for every reason). */
  callerNotVerified?: boolean;
  status?: 200 | 400 | 422 | 429;
}

/**
 * The console home: find the caller's member ID by user ID or email (exact, or the start of one), or — for a
 * caller who knows neither — verify them by card and details, which names the member only on a full match.
 */
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
          <p>{t('support.search.card.lead')}</p>
          {props.callerNotVerified ? <Notice kind="error">{t('support.search.notVerified')}</Notice> : null}
          <ErrorSummary t={t} errors={props.callerErrors ?? {}} />
          <Form c={c} action="/support/caller" class="stack" novalidate>
            <Field
              name="cardNumber"
              label={t('support.verify.cardNumber')}
              error={props.callerErrors?.cardNumber}
              autocomplete="off"
              inputmode="numeric"
              maxlength={30}
            />
            <Field
              name="fullName"
              value={props.caller?.fullName}
              label={t('support.verify.fullName')}
              hint={t('support.verify.fullName.hint')}
              error={props.callerErrors?.fullName}
              autocomplete="off"
              maxlength={100}
            />
            <Field
              name="birthDate"
              type="date"
              value={props.caller?.birthDate}
              label={t('support.verify.birthDate')}
              error={props.callerErrors?.birthDate}
              autocomplete="off"
            />
            <Field
              name="phone"
              type="tel"
              value={props.caller?.phone}
              label={t('support.verify.phone')}
              error={props.callerErrors?.phone}
              autocomplete="off"
              maxlength={30}
            />
            <button type="submit" class="button">
              {t('support.search.cardSubmit')}
            </button>
          </Form>
        </section>
      </div>
      {props.members ? <MemberResults c={c} hits={props.members} prefix={props.prefix ?? false} /> : null}
    </>,
  );
}

function MemberResults(props: { c: AppContext; hits: MemberHit[]; prefix: boolean }) {
  const t = props.c.get('t');
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{t('support.results.title', { count: props.hits.length })}</h2>
      {props.prefix ? <p>{t('support.results.prefix', { max: PREFIX_MAX_HITS })}</p> : null}
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
