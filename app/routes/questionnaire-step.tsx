import { useT } from "~/i18n/use-t";
import { Form, Link, data, redirect, useNavigation } from "react-router";
import { PlacePicker } from "~/components/PlacePicker";
import { dbContext } from "~/db.server";
import { languagesForRegion } from "~/directory/languages.server";
import { languageName, languageNameInSentence } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import { requireLanguage } from "~/i18n/locale.server";
import { serverT } from "~/i18n/resources.server";
import { CAREGIVER_ROLES } from "~/matching/types";
import {
  MAX_CHILDREN,
  STEPS,
  answerValues,
  firstMissingStep,
  isStep,
  nextStep,
  type Answers,
  type FieldError,
  type Step,
  type StepValues,
} from "~/questionnaire/answers";
import { answersCookieHeader, readAnswers } from "~/questionnaire/cookie.server";
import { applyStep, formValues } from "~/questionnaire/steps.server";
import { REGIONS, regionOfLanguage, type RegionCode } from "~/regions";
import { NeedIcon } from "~/taxonomy/NeedIcon";
import { NEED_CODES } from "~/taxonomy/needs";
import type { ScriptsHandle } from "~/root";
import type { Route } from "./+types/questionnaire-step";

function requireStep(params: { step?: string }): Step {
  if (!isStep(params.step)) throw data(null, { status: 404 });
  return params.step;
}

/** A step may be shown once every step before it has an answer; otherwise the first gap is. */
function gapBefore(step: Step, answers: Answers): Step | null {
  const missing = firstMissingStep(answers);
  return missing && STEPS.indexOf(missing) < STEPS.indexOf(step) ? missing : null;
}

export async function loader({ request, url, params, context }: Route.LoaderArgs) {
  const language = requireLanguage(params);
  const step = requireStep(params);
  const answers = await readAnswers(request);
  const gap = gapBefore(step, answers);
  if (gap) return redirect(`/${language}/questionnaire/${gap}?missing=1`);
  return {
    title: serverT(language)("questionnaire:meta.title"),
    step,
    answers,
    fromSummary: url.searchParams.get("from") === "summary",
    missing: url.searchParams.get("missing") === "1",
    spokenLanguages: step === "preferences" ? languagesForRegion(context.get(dbContext), answers.place?.region ?? null) : { near: [], others: [] },
    region: answers.place?.region ?? null,
  };
}

/** Plain forms are all these screens need (the place screen brings its own small script). */
export const handle: ScriptsHandle = { scripts: false };

/** These pages show a family's answers: never kept by the browser or anything in between. */
export const headers: Route.HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: Route.MetaFunction = ({ data }) => [{ title: data?.title }];

export async function action({ request, params }: Route.ActionArgs) {
  const language = requireLanguage(params);
  const step = requireStep(params);
  const answers = await readAnswers(request);
  // A body that is no form (another or no Content-Type, a broken multipart body) reads as an empty
  // one: the screen then says what is missing, as for a form sent empty, rather than failing.
  const form = await request.formData().catch(() => new FormData());
  const fromSummary = form.get("from") === "summary";
  const values = formValues(form);

  if (step === "children" && form.get("intent") === "add-child") {
    // Without JavaScript a new row comes from the server: the same screen, one row more, nothing lost.
    return data({ errors: {} as Record<string, FieldError>, suggestions: [], values, extraRow: true });
  }
  const result = applyStep(step, form, answers);
  if (!result.ok) {
    return data({ errors: result.errors, suggestions: result.suggestions ?? [], values, extraRow: false }, { status: 400 });
  }
  const headers = { "Set-Cookie": await answersCookieHeader(result.answers) };
  if (result.danger) return redirect(`/${language}/questionnaire/danger`, { headers });
  const next = fromSummary ? null : nextStep(step);
  return redirect(`/${language}/questionnaire/${next ?? "summary"}`, { headers });
}

function ErrorText({ id, error }: { id: string; error: FieldError | undefined }) {
  const t = useT("questionnaire");
  if (!error) return null;
  return (
    <p id={id} className="field-error">
      {t(`errors.${error}`)}
    </p>
  );
}

export default function QuestionnaireStep({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT("questionnaire");
  const language = useLanguage();
  const navigation = useNavigation();
  const { step, answers, fromSummary, missing } = loaderData;
  const errors: Record<string, FieldError> = actionData?.errors ?? {};
  const stepNumber = STEPS.indexOf(step) + 1;
  const previous = STEPS[stepNumber - 2];
  const hasErrors = Object.keys(errors).length > 0;
  const submitLabel = fromSummary ? t("saveChange") : t("next");
  // After an error (or "add another child") the form shows what was sent, never the saved answers.
  const values = actionData?.values ?? answerValues(answers, language);

  return (
    <section className="questionnaire" aria-labelledby="step-title">
      <p className="progress-text" id="progress">
        {t("progress", { step: stepNumber, total: STEPS.length })}
      </p>
      <div className="progress-bar" aria-hidden="true">
        <span style={{ width: `${(stepNumber / STEPS.length) * 100}%` }} />
      </div>
      {missing ? (
        <p className="notice" role="status">
          {t("missing")}
        </p>
      ) : null}
      {hasErrors ? (
        // Focused on arrival (the screens load no script: the attribute does it), so that keyboard
        // and screen-reader users start from what to fix, not from the top of the page.
        <div className="notice notice-error" role="alert" tabIndex={-1} autoFocus>
          {t("fixErrors")}
        </div>
      ) : null}
      <Form method="post" noValidate className="step-form" aria-describedby="progress">
        {/* Enter in a field presses a form's first submit button. Some screens have others above
            "Next" (a place suggestion, "add another child"): this copy of "Next" comes first, so
            that Enter goes on, rather than choosing the first suggestion or adding an empty row. */}
        <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true">
          {submitLabel}
        </button>
        {fromSummary ? <input type="hidden" name="from" value="summary" /> : null}
        <StepFields step={step} values={values} region={loaderData.region} errors={errors} actionData={actionData} spoken={loaderData.spokenLanguages} fromSummary={fromSummary} />
        <div className="step-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            {submitLabel}
          </button>
          {fromSummary ? (
            <Link to={`/${language}/questionnaire/summary`}>{t("backToSummary")}</Link>
          ) : previous ? (
            <Link to={`/${language}/questionnaire/${previous}`}>{t("back")}</Link>
          ) : null}
        </div>
      </Form>
    </section>
  );
}

interface StepFieldsProps {
  step: Step;
  values: StepValues;
  region: RegionCode | null;
  errors: Record<string, FieldError>;
  actionData: Route.ComponentProps["actionData"];
  /** The languages to offer: those spoken near the family first, the directory's others after. */
  spoken: { near: string[]; others: string[] };
  /** Opened from the summary: the screen's button says "Save", not "Next". */
  fromSummary: boolean;
}

function StepFields({ step, values, region, errors, actionData, spoken, fromSummary }: StepFieldsProps) {
  const t = useT("questionnaire");
  const language = useLanguage();
  const describedBy = (name: string) => (errors[name] ? `${name}-error` : undefined);

  switch (step) {
    case "safety":
      return (
        <fieldset aria-describedby={describedBy("danger")}>
          <legend>
            <h1 id="step-title">{t("safety.question")}</h1>
          </legend>
          <p className="hint">{t("safety.hint")}</p>
          <ErrorText id="danger-error" error={errors.danger} />
          <label className="choice">
            <input type="radio" name="danger" value="yes" defaultChecked={values.danger === "yes"} /> {t("safety.yes")}
          </label>
          <label className="choice">
            <input type="radio" name="danger" value="no" defaultChecked={values.danger === "no"} /> {t("safety.no")}
          </label>
        </fieldset>
      );
    case "who":
      return (
        <fieldset aria-describedby={describedBy("role")}>
          <legend>
            <h1 id="step-title">{t("who.question")}</h1>
          </legend>
          <ErrorText id="role-error" error={errors.role} />
          {CAREGIVER_ROLES.map((role) => (
            <label key={role} className="choice">
              <input type="radio" name="role" value={role} defaultChecked={values.role === role} /> {t(`who.roles.${role}`)}
            </label>
          ))}
        </fieldset>
      );
    case "children": {
      const typed = values.age.map((value, index) => ({ value, unit: values.unit[index] === "years" ? "years" : "months" }));
      const rows = Math.min(MAX_CHILDREN, Math.max(typed.length + (actionData?.extraRow ? 1 : 0), typed.length === 0 ? 1 : typed.length));
      return (
        <>
          <h1 id="step-title">{t("children.question")}</h1>
          <label className="choice">
            <input type="checkbox" name="pregnant" value="1" defaultChecked={values.pregnant} /> {t("children.pregnant")}
          </label>
          <fieldset aria-describedby={describedBy("children")}>
            <legend>{t("children.ages")}</legend>
            <p className="hint" id="children-hint">
              {t("children.agesHint")}
            </p>
            <ErrorText id="children-error" error={errors.children} />
            {Array.from({ length: rows }, (_, index) => {
              const row = typed[index] ?? { value: "", unit: "years" };
              const error = errors[`age-${index}`];
              return (
                <div key={index} className="child-row">
                  <label htmlFor={`age-${index}`}>{t("children.child", { number: index + 1 })}</label>
                  <div className="child-inputs">
                    <input
                      id={`age-${index}`}
                      name="age"
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      maxLength={3}
                      defaultValue={row.value}
                      // The row just added (without JavaScript, by a new page) is where the family goes on typing.
                      autoFocus={actionData?.extraRow && index === rows - 1 ? true : undefined}
                      aria-invalid={error ? true : undefined}
                      // "Months under two, years from two" is read with each age, as it is typed.
                      aria-describedby={error ? `children-hint age-${index}-error` : "children-hint"}
                    />
                    <select name="unit" defaultValue={row.unit} aria-label={t("children.unit", { number: index + 1 })}>
                      <option value="months">{t("children.months")}</option>
                      <option value="years">{t("children.years")}</option>
                    </select>
                  </div>
                  <ErrorText id={`age-${index}-error`} error={error} />
                </div>
              );
            })}
            {rows < MAX_CHILDREN ? (
              <button type="submit" name="intent" value="add-child" className="secondary" formNoValidate>
                {t("children.add")}
              </button>
            ) : null}
          </fieldset>
        </>
      );
    }
    case "place":
      return (
        <>
          <h1 id="step-title">{t("place.question")}</h1>
          <label htmlFor="place-input">{t("place.label")}</label>
          <p className="hint" id="place-hint">
            {t("place.hint")}
          </p>
          <ErrorText id="place-error" error={errors.place} />
          <input
            id="place-input"
            name="place"
            type="text"
            autoComplete="postal-code"
            maxLength={200}
            defaultValue={values.place}
            aria-invalid={errors.place ? true : undefined}
            aria-describedby={errors.place ? "place-hint place-error" : "place-hint"}
          />
          {actionData?.suggestions.length ? (
            <div className="suggestions">
              <p>{t("place.suggestions")}</p>
              <ul>
                {actionData.suggestions.map((suggestion, _, all) => (
                  <li key={`${suggestion.name}-${suggestion.lat}`}>
                    <button type="submit" name="pick" value={suggestion.postalCode ?? suggestion.name} className="secondary">
                      {suggestion.name}
                      {suggestion.postalCode && suggestion.postalCode !== suggestion.name ? ` (${suggestion.postalCode})` : ""}
                      {/* "Long Beach" or "Long Xuyên"? Where the places lie in different regions, each says which. */}
                      {all.some((other) => other.region !== suggestion.region) ? ` – ${t(`common:regions.${suggestion.region}`)}` : ""}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <PlacePicker region={region ?? regionOfLanguage(language)} fromSummary={fromSummary} />
        </>
      );
    case "needs":
      return (
        <fieldset aria-describedby={describedBy("needs")}>
          <legend>
            <h1 id="step-title">{t("needs.question")}</h1>
          </legend>
          <p className="hint">{t("needs.hint")}</p>
          <ErrorText id="needs-error" error={errors.needs} />
          <ul className="need-choices">
            {NEED_CODES.map((need) => (
              <li key={need}>
                <label className="need-choice">
                  {/* Named by the need, described by its line: the whole label as the name read the line twice. */}
                  <input
                    type="checkbox"
                    name="need"
                    value={need}
                    defaultChecked={values.need.includes(need)}
                    aria-labelledby={`need-${need}-name`}
                    aria-describedby={`need-${need}-description`}
                  />
                  <NeedIcon need={need} />
                  <span className="need-name" id={`need-${need}-name`}>
                    {t(`taxonomy:needs.${need}.name`)}
                  </span>
                  <span className="need-description" id={`need-${need}-description`}>
                    {t(`taxonomy:needs.${need}.description`)}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      );
    case "preferences": {
      const near = [...new Set([language, ...spoken.near])];
      const others = spoken.others.filter((code) => code !== language);
      const choice = (code: string) => (
        <label key={code} className="choice">
          <input type="checkbox" name="language" value={code} defaultChecked={values.language.includes(code)} />{" "}
          <span lang={code}>{languageName(code, code)}</span>
          {code !== language ? <span className="hint"> ({languageNameInSentence(code, language)})</span> : null}
        </label>
      );
      return (
        <>
          <h1 id="step-title">{t("preferences.question")}</h1>
          <fieldset aria-describedby={describedBy("languages")}>
            <legend>{t("preferences.languages")}</legend>
            <ErrorText id="languages-error" error={errors.languages} />
            <div className="language-choices">{near.map(choice)}</div>
            {others.length > 0 ? (
              // Open when one of them is already chosen, so no ticked box hides.
              <details className="more-languages" open={others.some((code) => values.language.includes(code)) || undefined}>
                <summary>{t("preferences.moreLanguages")}</summary>
                <div className="language-choices">{others.map(choice)}</div>
              </details>
            ) : null}
          </fieldset>
          <fieldset>
            <legend>{t("preferences.limits")}</legend>
            <label className="choice">
              <input type="checkbox" name="free" value="1" defaultChecked={values.free} /> {t("preferences.free")}
            </label>
            <label className="choice">
              <input type="checkbox" name="evenings" value="1" defaultChecked={values.evenings} /> {t("preferences.evenings")}
            </label>
            <label className="choice">
              <input type="checkbox" name="noCar" value="1" defaultChecked={values.noCar} /> {t("preferences.noCar")}
            </label>
          </fieldset>
        </>
      );
    }
  }
}
