extension PageTemplates {
    /// The coordinator's pages beyond reading in files and the log: the kommun's users, its API tokens, the
    /// areas' assessed status, and deciding interventions.
    static let coordinator: [String: String] = [
        "coord-field": coordField, "coord-secret": coordSecret, "coord-add": coordAdd, "users": users, "tokens": tokens, "area-status": areaStatus,
        "interventions-coordinator": interventionsCoordinator,
    ]

    /// One field of a coordinator's form: its problem next to it, described by its hint and problem.
    static let coordField = """
        <div class="field{{#error}} has-error{{/error}}">
        <label for="{{id}}">{{label}}{{#optional}} <span class="optional">{{optional}}</span>{{/optional}}</label>
        {{#hint}}<p class="hint" id="{{id}}-hint">{{hint}}</p>{{/hint}}
        {{#isSelect}}<select id="{{id}}" name="{{name}}"{{#error}} aria-invalid="true"{{/error}}{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}>
        {{#blank}}<option value="">{{blank}}</option>{{/blank}}
        {{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}
        </select>{{/isSelect}}
        {{#isTextArea}}<textarea id="{{id}}" name="{{name}}" rows="3"{{#error}} aria-invalid="true"{{/error}}{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}>{{value}}</textarea>{{/isTextArea}}
        {{#isInput}}<input id="{{id}}" name="{{name}}" type="{{type}}" value="{{value}}"{{#max}} max="{{max}}"{{/max}}{{#autocomplete}} autocomplete="{{autocomplete}}"{{/autocomplete}}{{#error}} aria-invalid="true"{{/error}}{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}>{{/isInput}}
        {{#error}}<p class="field-error" id="{{id}}-error">{{error}}</p>{{/error}}
        </div>
        """

    /// A secret shown once (an invitation link, an API token's secret).
    static let coordSecret = """
        {{#secret}}<div id="secret" class="secret" role="status"><p>{{secretText}}</p><p><code id="secret-value">{{secret}}</code></p></div>{{/secret}}
        """

    /// The form under a list that adds to it (a person, a token).
    static let coordAdd = """
        <h2 id="add-heading">{{addHeading}}</h2>
        <form method="post" action="{{action}}" aria-labelledby="add-heading" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#fields}}{{> coord-field}}{{/fields}}
        <button type="submit" id="{{submitID}}">{{submitText}}</button>
        </form>
        """

    static let users = """
        <h1>{{heading}}</h1>
        {{> coord-secret}}
        \(errorSummary)
        {{#hasRows}}<div class="table-wrap" tabindex="0" role="region" aria-label="{{caption}}"><table id="users"><caption>{{caption}}</caption>
        <thead><tr>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}</tr></thead>
        <tbody>{{#rows}}<tr data-login="{{login}}"><td>{{login}}</td><td>{{personName}}</td><td>{{roleText}}</td><td>{{stateText}}</td><td>{{totpText}}</td>
        <td>{{#isSelf}}<p class="hint">{{selfText}}</p>{{/isSelf}}{{^isSelf}}<form method="post" action="{{roleHref}}" class="row-form"><input type="hidden" name="csrf" value="{{csrf}}">{{#roleFields}}{{> coord-field}}{{/roleFields}}<button type="submit" class="secondary">{{changeText}}<span class="visually-hidden"> {{login}}</span></button></form>
        <form method="post" action="{{revokeHref}}" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="secondary revoke">{{revokeText}}<span class="visually-hidden"> {{login}}</span></button></form>
        {{#mayWhole}}<form method="post" action="{{toggleHref}}" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="secondary toggle">{{toggleText}}<span class="visually-hidden"> {{login}}</span></button></form>
        <form method="post" action="{{inviteHref}}" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="secondary invite">{{inviteText}}<span class="visually-hidden"> {{login}}</span></button></form>{{/mayWhole}}
        {{^mayWhole}}<p class="hint">{{elsewhereText}}</p>{{/mayWhole}}{{/isSelf}}</td></tr>{{/rows}}</tbody></table></div>{{/hasRows}}
        {{^hasRows}}<p>{{emptyText}}</p>{{/hasRows}}
        {{> coord-add}}
        """

    static let tokens = """
        <h1>{{heading}}</h1>
        <p class="hint">{{intro}}</p>
        {{> coord-secret}}
        \(errorSummary)
        {{#hasRows}}<div class="table-wrap" tabindex="0" role="region" aria-label="{{caption}}"><table id="tokens"><caption>{{caption}}</caption>
        <thead><tr>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}</tr></thead>
        <tbody>{{#rows}}<tr data-token="{{id}}"><td>{{id}}</td><td>{{tokenName}}</td><td>{{reporterText}}</td><td>{{created}}</td><td>{{revoked}}</td>
        <td>{{#revokeHref}}<form method="post" action="{{revokeHref}}" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="secondary revoke">{{revokeText}}<span class="visually-hidden"> {{tokenName}}</span></button></form>{{/revokeHref}}</td></tr>{{/rows}}</tbody></table></div>{{/hasRows}}
        {{^hasRows}}<p>{{emptyText}}</p>{{/hasRows}}
        {{> coord-add}}
        """

    static let areaStatus = """
        <h1>{{heading}}</h1>
        <p class="hint">{{intro}}</p>
        \(errorSummary)
        <form method="post" action="{{action}}" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#fields}}{{> coord-field}}{{/fields}}
        <button type="submit" id="submit-status">{{submitText}}</button>
        </form>
        <h2>{{historyHeading}}</h2>
        {{#hasRows}}<div class="table-wrap" tabindex="0" role="region" aria-label="{{caption}}"><table id="status-history"><caption>{{caption}}</caption>
        <thead><tr>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}</tr></thead>
        <tbody>{{#rows}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/rows}}</tbody></table></div>{{/hasRows}}
        {{^hasRows}}<p>{{emptyText}}</p>{{/hasRows}}
        """

    /// The interventions page with, for coordinators, a decision form for each proposed intervention.
    static let interventionsCoordinator = """
        {{> interventions}}
        {{#hasProposals}}<h2>{{decideHeading}}</h2>
        \(errorSummary)
        {{#proposals}}<form method="post" action="{{decideHref}}" class="decide" id="decide-{{interventionID}}" novalidate>
        <fieldset class="event"><legend>{{legend}}</legend>
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#fields}}{{> coord-field}}{{/fields}}
        <button type="submit">{{decideText}}<span class="visually-hidden"> {{interventionID}}</span></button>
        </fieldset></form>{{/proposals}}{{/hasProposals}}
        """
}
