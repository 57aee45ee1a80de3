import Foundation
import Platform

/// The reporter's form as the templates show it: event blocks with their fields, choices grouped as
/// reporters think of them (areas under their ort, indicators under their category), entered values kept,
/// and each problem next to its field.
struct ReportFormModel {
    let config: KommunConfig
    let language: Language
    let today: CalendarDate

    /// One event's entered values, by column (`area`, `indicator`…).
    typealias Entry = [String: String]

    /// The columns of an event, in the form's order.
    static let columns = ["date", "time", "area", "indicator", "value", "place", "note"]

    /// The template values of event `n` with `entry` and `errors` (by column).
    func event(_ n: Int, entry: Entry, errors: [String: String], single: Bool) -> [String: Any] {
        let t: (String, String) -> String = language.pick
        func field(_ column: String, _ label: String, optional: Bool = false) -> [String: Any] {
            var field: [String: Any] = ["name": "\(column)-\(n)", "label": label, "value": entry[column] ?? "", "error": errors[column] ?? ""]
            if optional { field["optional"] = t("(frivilligt)", "(optional)") }
            return field
        }
        var date = field("date", t("Datum", "Date"))
        date["isInput"] = true
        date["type"] = "date"
        date["max"] = today.description
        if entry["date"] == nil { date["value"] = today.description }
        var time = field("time", t("Klockslag", "Time"), optional: true)
        time["isInput"] = true
        time["type"] = "time"
        var area = field("area", t("Område", "Area"))
        area["isSelect"] = true
        area["blank"] = t("Välj område", "Choose an area")
        area["groups"] = areaGroups(selected: entry["area"])
        var indicator = field("indicator", t("Vad hände?", "What happened?"))
        indicator["isSelect"] = true
        indicator["blank"] = t("Välj indikator", "Choose an indicator")
        indicator["groups"] = indicatorGroups(selected: entry["indicator"])
        var value = field("value", t("Antal, eller nivå", "Count, or level"))
        value["isInput"] = true
        value["type"] = "number"
        value["min"] = "0"
        value["inputmode"] = "numeric"
        value["hint"] = valueHint
        var place = field("place", t("Plats", "Place"), optional: true)
        place["isInput"] = true
        place["type"] = "text"
        var note = field("note", t("Anteckning", "Note"), optional: true)
        note["isTextArea"] = true
        note["hint"] = t("Skriv inga namn, personnummer, telefonnummer eller e-postadresser.",
                         "Write no names, personal identity numbers, phone numbers or e-mail addresses.")
        return ["n": n, "legend": single ? t("Händelse", "Event") : t("Händelse \(n)", "Event \(n)"),
                "fields": [date, time, area, indicator, value, place, note]]
    }

    /// Areas under their ort (a top-level area and everything below it); an ort is itself a choice.
    private func areaGroups(selected: String?) -> [[String: Any]] {
        config.areas.map { top in
            ["label": top.name, "options": top.flattened.map { area in
                ["value": area.id, "label": area.name, "selected": area.id == selected] as [String: Any]
            }]
        }
    }

    /// Indicators under their category, each with its description as the option's title.
    private func indicatorGroups(selected: String?) -> [[String: Any]] {
        config.checklist.categories.compactMap { category in
            let indicators = config.checklist.indicators.filter { $0.category == category.id }
            guard !indicators.isEmpty else { return nil }
            return ["label": category.name.text(language), "options": indicators.map { indicator in
                var label = indicator.name.text(language)
                if let scale = indicator.scale { label += " (\(t("nivå", "level")) \(scale.min)–\(scale.max))" }
                return ["value": indicator.id, "label": label, "selected": indicator.id == selected,
                        "title": indicator.description ?? ""] as [String: Any]
            }]
        }
    }

    private func t(_ sv: String, _ en: String) -> String { language.pick(sv, en) }

    /// For a count: how many events; for a level indicator, its scale's labels.
    private var valueHint: String {
        let levels = config.checklist.indicators.compactMap { indicator -> String? in
            guard let scale = indicator.scale else { return nil }
            let labels = scale.labels.enumerated().map { "\(scale.min + $0.offset) = \($0.element)" }.joined(separator: ", ")
            return "\(indicator.name.text(language)): \(labels)"
        }
        let count = t("Antal händelser (tomt = 1).", "Number of events (empty = 1).")
        return levels.isEmpty ? count : count + " " + t("Nivåer: ", "Levels: ") + levels.joined(separator: "; ")
    }

    /// A problem the validator found, as the person should read it next to the field: which field (by the
    /// message's subject) and, in Swedish, what to do. The validator's messages never hold the data itself.
    func problem(_ message: String) -> (column: String, text: String, isPersonalData: Bool) {
        let words = message.split(separator: " ").map(String.init)
        let subject = ["unknown", "missing", "invalid"].contains(words.first ?? "") ? (words.dropFirst().first ?? "") : (words.first ?? "")
        var column = Self.columns.first { subject.hasPrefix($0) || subject.hasPrefix("'\($0)") } ?? "value"
        if message.contains(" is a level ") || message.contains(" is a count") { column = "value" }
        if message.contains("personal data") {
            let kinds = ["personnummer": t("ett personnummer", "a personal identity number"),
                         "phone": t("ett telefonnummer", "a phone number"), "e-mail": t("en e-postadress", "an e-mail address")]
            let found = kinds.filter { message.contains($0.key) }.map(\.value).sorted()
            let what = found.isEmpty ? t("personuppgifter", "personal data") : found.joined(separator: t(" och ", " and "))
            let field = column == "place" ? t("Platsen", "The place") : t("Anteckningen", "The note")
            return (column, t("\(field) innehöll \(what) och har tömts. Personuppgifter sparas inte – skriv den igen utan dem.",
                              "\(field) held \(what) and has been emptied. Personal data is not stored – write it again without it."), true)
        }
        switch (column, words.first) {
        case ("area", _): return (column, t("Välj ett område i listan.", "Choose an area from the list."), false)
        case ("indicator", _): return (column, t("Välj vad som hände i listan.", "Choose what happened from the list."), false)
        case ("date", _) where message.contains("future"): return (column, t("Datumet ligger i framtiden.", "The date is in the future."), false)
        case ("time", _): return (column, t("Skriv klockslaget som TT:MM.", "Write the time as HH:MM."), false)
        default: return (column, message, false)
        }
    }
}
