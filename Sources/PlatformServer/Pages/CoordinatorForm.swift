import Foundation
import Platform

/// A coordinator's form as the templates show it (the `coord-field` partial): fields with the values
/// entered, each problem next to its field (`aria-invalid`, `aria-describedby`) and in the error summary.
/// A field's `id` may carry a suffix (`role-17`) when a page holds one such form per row.
struct CoordinatorForm {
    /// Entered values, by field name.
    var values: [String: String]
    /// Problems, by field id.
    var errors: [String: String]
    let language: Language
    /// Appended to every field's id: `-17` for the forms of row 17.
    var suffix = ""

    init(values: [String: String] = [:], errors: [String: String] = [:], language: Language, suffix: String = "") {
        self.values = values
        self.errors = errors
        self.language = language
        self.suffix = suffix
    }

    /// A text, date or number input.
    func input(_ name: String, _ label: String, type: String = "text", optional: Bool = false, hint: String? = nil,
               extra: [String: Any] = [:]) -> [String: Any] {
        field(name, label, optional: optional, hint: hint).merging(["isInput": true, "type": type]) { $1 }.merging(extra) { $1 }
    }

    /// A text area.
    func textArea(_ name: String, _ label: String, hint: String? = nil) -> [String: Any] {
        field(name, label, optional: false, hint: hint).merging(["isTextArea": true]) { $1 }
    }

    /// A select of `options` (value, label); `blank` the text of an empty first choice.
    func select(_ name: String, _ label: String, options: [(String, String)], blank: String? = nil, optional: Bool = false,
                hint: String? = nil) -> [String: Any] {
        let selected = values[name]
        return field(name, label, optional: optional, hint: hint).merging([
            "isSelect": true, "blank": blank ?? "",
            "options": options.map { ["value": $0.0, "label": $0.1, "selected": $0.0 == selected] as [String: Any] },
        ]) { $1 }
    }

    private func field(_ name: String, _ label: String, optional: Bool, hint: String?) -> [String: Any] {
        let id = name + suffix
        let error = errors[id]
        let describedBy = [hint == nil ? nil : id + "-hint", error == nil ? nil : id + "-error"].compactMap { $0 }
        return ["id": id, "name": name, "label": label, "value": values[name] ?? "", "error": error ?? "", "hint": hint ?? "",
                "optional": optional ? language.pick("(frivilligt)", "(optional)") : "",
                "describedBy": describedBy.joined(separator: " ")]
    }

    /// The error summary's entries, in the order of `order` (field ids), then any others.
    func summary(order: [String] = []) -> [[String: String]] {
        let ranked = errors.keys.sorted { (order.firstIndex(of: $0) ?? .max, $0) < (order.firstIndex(of: $1) ?? .max, $1) }
        return ranked.map { ["field": $0, "message": errors[$0] ?? ""] }
    }

    /// The template values every coordinator page with a form shares: the summary and its heading.
    func summaryValues(order: [String] = []) -> [String: Any] {
        ["errors": summary(order: order), "errorHeading": language.pick("Rätta följande", "Please correct the following")]
    }

    /// An ISO date entered in `name`, else `fallback`; an unreadable date is a problem of the field.
    mutating func date(_ name: String, fallback: CalendarDate?) -> CalendarDate? {
        guard let text = values[name], !text.trimmingCharacters(in: .whitespaces).isEmpty else { return fallback }
        guard let day = CalendarDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
            errors[name + suffix] = language.pick("Skriv datumet som ÅÅÅÅ-MM-DD.", "Write the date as YYYY-MM-DD.")
            return nil
        }
        return day
    }

    /// The value of `name`, or a problem of the field when it is empty.
    mutating func required(_ name: String, _ message: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            errors[name + suffix] = message
            return nil
        }
        return value
    }
}

extension FormFields {
    /// The named fields' values (the empty ones left out).
    func values(_ names: [String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: names.compactMap { name in self[name].map { (name, $0) } })
    }
}
