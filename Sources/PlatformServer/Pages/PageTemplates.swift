/// The application's pages as Mustache templates (swift-mustache escapes every `{{value}}`; `{{{…}}}` is
/// used only for HTML the application itself rendered). Kept in the source rather than as resource files so
/// an installed binary cannot lose them.
enum PageTemplates {
    /// Every template by name; a concern with pages of its own adds its dictionary here.
    static let all: [String: String] = base.merging(coordinator) { first, _ in first }

    static let base: [String: String] = [
        "layout": layout, "error": error, "login": login, "totp": totp, "totp-enroll": totpEnroll, "invite": invite, "home": home, "kommun": kommun,
        "report-form": reportForm, "event": event, "own-reports": ownReports, "interventions": interventions,
        "reporting": reporting, "calendar": calendar, "audit": audit, "ingest": ingest, "lagesbild-bar": lagesbildBar,
    ]

    static let layout = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} – {{appName}}</title>
        <link rel="stylesheet" href="/assets/app.css">
        {{#extraStyle}}<style>{{{extraStyle}}}</style>{{/extraStyle}}
        </head>
        <body>
        <a class="skip" href="#main">{{skipText}}</a>
        <header class="app-header">
        <p class="app-name"><a href="/">{{appName}}</a></p>
        {{#userName}}
        <nav aria-label="{{navLabel}}"><ul>
        {{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/nav}}
        </ul></nav>
        <form method="post" action="/logout" class="logout"><input type="hidden" name="csrf" value="{{csrf}}"><span>{{userName}}</span> <a href="/konto/totp" id="totp-link">{{totpText}}</a> <button type="submit">{{logoutText}}</button></form>
        {{/userName}}
        <p class="lang"><a href="?lang={{otherLang}}" lang="{{otherLang}}">{{otherLangName}}</a></p>
        </header>
        {{#wrapMain}}<main id="main">
        {{#flash}}<p id="flash" role="status">{{flash}}</p>{{/flash}}
        {{{content}}}
        </main>{{/wrapMain}}
        {{^wrapMain}}{{{content}}}{{/wrapMain}}
        </body>
        </html>

        """

    static let error = """
        <h1>{{heading}}</h1>
        <p>{{message}}</p>
        <p><a href="/">{{homeText}}</a></p>
        """

    static let errorSummary = """
        {{#hasErrors}}<div id="error-summary" role="alert"><h2>{{errorHeading}}</h2><ul>{{#errors}}<li><a href="#{{field}}">{{message}}</a></li>{{/errors}}</ul></div>{{/hasErrors}}
        """

    static let login = """
        <h1>{{heading}}</h1>
        {{#failed}}<div id="error-summary" role="alert"><p>{{failed}}</p></div>{{/failed}}
        <form method="post" action="/login" class="stack">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="next" value="{{next}}">
        <label for="login">{{loginLabel}}</label>
        <input id="login" name="login" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="{{login}}">
        <label for="password">{{passwordLabel}}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit" id="submit-login">{{submitText}}</button>
        </form>
        """

    static let totp = """
        <h1>{{heading}}</h1>
        {{#failed}}<div id="error-summary" role="alert"><p>{{failed}}</p></div>{{/failed}}
        <form method="post" action="/login/totp" class="stack">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="next" value="{{next}}">
        <label for="code">{{codeLabel}}</label>
        <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" required>
        <button type="submit">{{submitText}}</button>
        </form>
        """

    static let totpEnroll = """
        <h1>{{heading}}</h1>
        {{#failed}}<div id="error-summary" role="alert"><p>{{failed}}</p></div>{{/failed}}
        <p>{{intro}}</p>
        <ol><li>{{step1}} <a href="{{otpauth}}" id="otpauth-link">{{linkText}}</a></li>
        <li>{{step2}} <code id="totp-secret">{{secretText}}</code></li><li>{{step3}}</li></ol>
        <form method="post" action="/konto/totp" class="stack">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="secret" value="{{secret}}">
        <input type="hidden" name="next" value="{{next}}">
        <label for="code">{{codeLabel}}</label>
        <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" required>
        <button type="submit" id="submit-totp">{{submitText}}</button>
        </form>
        """

    static let invite = """
        <h1>{{heading}}</h1>
        {{#failed}}<div id="error-summary" role="alert"><p>{{failed}}</p></div>{{/failed}}
        {{#valid}}
        <form method="post" class="stack">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="password">{{passwordLabel}}</label>
        <input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required aria-describedby="password-hint">
        <p id="password-hint" class="hint">{{passwordHint}}</p>
        <label for="password2">{{password2Label}}</label>
        <input id="password2" name="password2" type="password" autocomplete="new-password" minlength="12" required>
        <button type="submit">{{submitText}}</button>
        </form>
        {{/valid}}
        """

    static let home = """
        <h1>{{heading}}</h1>
        {{#hasKommuner}}<ul class="cards">{{#kommuner}}<li><a class="kommun" href="/k/{{id}}/">{{name}}</a> <span class="role">{{role}}</span></li>{{/kommuner}}</ul>{{/hasKommuner}}
        {{^hasKommuner}}<p>{{noneText}}</p>{{/hasKommuner}}
        {{#adminText}}<p><a href="/admin/logg" id="admin-log">{{adminText}}</a></p>{{/adminText}}
        """

    static let kommun = """
        <h1>{{heading}}</h1>
        <ul class="cards">{{#links}}<li><a href="{{href}}">{{label}}</a>{{#hint}}<p class="hint">{{hint}}</p>{{/hint}}</li>{{/links}}</ul>
        """

    static let reportForm = """
        <h1>{{heading}}</h1>
        <p class="hint">{{intro}}</p>
        \(errorSummary)
        <form method="post" action="{{action}}" class="report-form" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="events" value="{{eventCount}}">
        {{#ref}}<input type="hidden" name="ref" value="{{ref}}">{{/ref}}
        {{#events}}{{> event}}{{/events}}
        <div class="buttons">
        {{^ref}}<button type="submit" name="submit" value="add" id="add-event" class="secondary">{{addText}}</button>{{/ref}}
        <button type="submit" name="submit" value="report" id="submit-report">{{submitText}}</button>
        {{^ref}}<button type="submit" name="submit" value="nothing" id="submit-nothing" class="secondary">{{nothingText}}</button>{{/ref}}
        </div>
        </form>
        """

    /// One event block; `n` is its 1-based number, which names its fields (`area-1`).
    static let event = """
        <fieldset class="event" id="event-{{n}}">
        <legend>{{legend}}</legend>
        {{#fields}}
        <div class="field{{#error}} has-error{{/error}}">
        <label for="{{name}}">{{label}}{{#optional}} <span class="optional">{{optional}}</span>{{/optional}}</label>
        {{#hint}}<p class="hint" id="{{name}}-hint">{{hint}}</p>{{/hint}}
        {{#isSelect}}<select id="{{name}}" name="{{name}}"{{#error}} aria-invalid="true" aria-describedby="{{name}}-error"{{/error}}>
        {{#blank}}<option value="">{{blank}}</option>{{/blank}}
        {{#groups}}<optgroup label="{{label}}">{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}{{#title}} title="{{title}}"{{/title}}>{{label}}</option>{{/options}}</optgroup>{{/groups}}
        </select>{{/isSelect}}
        {{#isTextArea}}<textarea id="{{name}}" name="{{name}}" rows="3"{{#error}} aria-invalid="true" aria-describedby="{{name}}-error"{{/error}}>{{value}}</textarea>{{/isTextArea}}
        {{#isInput}}<input id="{{name}}" name="{{name}}" type="{{type}}" value="{{value}}"{{#min}} min="{{min}}"{{/min}}{{#max}} max="{{max}}"{{/max}}{{#inputmode}} inputmode="{{inputmode}}"{{/inputmode}}{{#error}} aria-invalid="true" aria-describedby="{{name}}-error"{{/error}}>{{/isInput}}
        {{#error}}<p class="field-error" id="{{name}}-error">{{error}}</p>{{/error}}
        </div>
        {{/fields}}
        </fieldset>
        """

    static let ownReports = """
        <h1>{{heading}}</h1>
        <form method="get" class="inline"><label for="period">{{periodLabel}}</label> <input id="period" name="period" value="{{period}}"> <button type="submit">{{showText}}</button></form>
        {{#nothingReported}}<p class="hint">{{nothingReported}}</p>{{/nothingReported}}
        {{#hasRows}}
        <div class="table-wrap" tabindex="0" role="region" aria-label="{{caption}}"><table id="own-reports">
        <caption>{{caption}}</caption>
        <thead><tr>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}</tr></thead>
        <tbody>
        {{#rows}}<tr data-ref="{{ref}}"><td>{{date}} {{time}}</td><td>{{area}}</td><td>{{indicator}}</td><td class="num">{{value}}</td><td>{{place}}</td><td>{{note}}</td>
        <td>{{#ref}}<a class="correct" href="{{correctHref}}">{{correctText}}<span class="visually-hidden"> {{indicator}} {{date}}</span></a>
        <form method="post" action="{{withdrawHref}}" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="withdraw secondary">{{withdrawText}}<span class="visually-hidden"> {{indicator}} {{date}}</span></button></form>{{/ref}}</td></tr>
        {{/rows}}
        </tbody></table></div>
        {{/hasRows}}
        {{^hasRows}}<p>{{emptyText}}</p>{{/hasRows}}
        <p><a href="{{formHref}}">{{newText}}</a></p>
        """

    static let interventions = """
        <h1>{{heading}}</h1>
        {{#hasRows}}<div class="table-wrap" tabindex="0" role="region" aria-label="{{caption}}"><table id="interventions"><caption>{{caption}}</caption>
        <thead><tr>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}</tr></thead>
        <tbody>{{#rows}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/rows}}</tbody></table></div>{{/hasRows}}
        {{^hasRows}}<p>{{emptyText}}</p>{{/hasRows}}
        """

    static let reporting = """
        <h1>{{heading}}</h1>
        <p>{{summary}}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-label="{{caption}}"><table id="reporting"><caption>{{caption}}</caption>
        <thead><tr>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}</tr></thead>
        <tbody>{{#rows}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/rows}}</tbody></table></div>
        """

    static let calendar = """
        <h1>{{heading}}</h1>
        <p>{{intro}}</p>
        <p><code id="calendar-url">{{url}}</code></p>
        <form method="post" action="{{revokeHref}}"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="secondary" id="revoke-calendar">{{revokeText}}</button></form>
        """

    static let audit = """
        <h1>{{heading}}</h1>
        <div class="table-wrap" tabindex="0" role="region" aria-label="{{caption}}"><table id="audit-log"><caption>{{caption}}</caption>
        <thead><tr>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}</tr></thead>
        <tbody>{{#rows}}<tr><td>{{at}}</td><td>{{actor}}</td><td>{{action}}</td><td>{{detail}}</td></tr>{{/rows}}</tbody></table></div>
        """

    static let ingest = """
        <h1>{{heading}}</h1>
        <p class="hint">{{intro}}</p>
        {{#summary}}<div id="import-summary" role="status"><p>{{summary}}</p>{{#hasProblems}}<ul>{{#problems}}<li>{{.}}</li>{{/problems}}</ul>{{/hasProblems}}</div>{{/summary}}
        <form method="post" action="{{action}}" class="stack">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="format">{{formatLabel}}</label>
        <select id="format" name="format"><option value="csv">CSV</option><option value="json">JSON</option><option value="jsonl">JSON Lines</option></select>
        <label for="content">{{contentLabel}}</label>
        <textarea id="content" name="content" rows="12" spellcheck="false"></textarea>
        <button type="submit" id="submit-ingest">{{submitText}}</button>
        </form>
        """

    /// The application's bar above an embedded lägesbild: periods, area, downloads.
    static let lagesbildBar = """
        <nav class="lagesbild-bar" aria-label="{{barLabel}}">
        <p><a id="prev-period" href="{{prevHref}}">← {{prevLabel}}</a> <strong>{{periodLabel}}</strong> {{#nextHref}}<a id="next-period" href="{{nextHref}}">{{nextLabel}} →</a>{{/nextHref}}</p>
        <form method="get" class="inline"><input type="hidden" name="period" value="{{period}}"><label for="area">{{areaLabel}}</label>
        <select id="area" name="area"><option value="">{{wholeKommun}}</option>{{#areas}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/areas}}</select>
        <button type="submit">{{showText}}</button></form>
        <p>{{downloadLabel}}: {{#downloads}}<a class="download" data-format="{{id}}" href="{{href}}">{{name}}</a> {{/downloads}}</p>
        </nav>
        """
}
