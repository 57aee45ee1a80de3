/// Number formatting and axis scales shared by the inline SVG charts.
enum SVG {
    /// A coordinate with at most one decimal and a decimal point in every language: `12`, `12.5`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// The top of an axis from 0 that holds `maximum`, and the step between its ticks: at most six steps
    /// of 1, 2 or 5 × 10ⁿ, so ticks fall on round numbers.
    static func scale(for maximum: Double) -> (top: Double, step: Double) {
        var magnitude = 1.0
        while true {
            for factor in [1.0, 2.0, 5.0] {
                let step = factor * magnitude
                let steps = (maximum / step).rounded(.up)
                if steps <= 6 { return (step * max(steps, 1), step) }
            }
            magnitude *= 10
        }
    }
}
