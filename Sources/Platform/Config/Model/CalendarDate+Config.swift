extension CalendarDate: ConfigDecodable {
    static func decode(from value: ConfigValue) -> CalendarDate? {
        guard let text = value.text(expecting: "a date such as 2026-01-05"), let date = CalendarDate(iso: text) else {
            value.error("expected a date such as 2026-01-05")
            return nil
        }
        return date
    }
}
