//! Lenient readings of attribute values, which real files write loosely
//! (`2000.0`, ` 3 `, `true`). A value that cannot be read is `None`, never an error.

/// A non-negative whole number; decimals are truncated.
pub(crate) fn lenient_count(value: &str) -> Option<u32> {
    let value = value.trim();
    value.parse::<u32>().ok().or_else(|| {
        let number = value
            .parse::<f64>()
            .ok()
            .filter(|number| number.is_finite() && *number >= 0.0)?;
        // Saturates at u32::MAX; the value is finite and non-negative.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Some(number.min(f64::from(u32::MAX)) as u32)
    })
}

/// An `ST_OnOff` value: absent means on; `0`, `false`, `off` mean off.
pub(crate) fn on_off(value: Option<&str>) -> bool {
    !matches!(value.map(str::trim), Some("0" | "false" | "off"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_counts_leniently() {
        assert_eq!(lenient_count("2"), Some(2));
        assert_eq!(lenient_count(" 3 "), Some(3));
        assert_eq!(lenient_count("2000.0"), Some(2000));
        assert_eq!(lenient_count("99999999999"), Some(u32::MAX));
        for bad in ["", "auto", "33.3%", "-1", "NaN"] {
            assert_eq!(lenient_count(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn reads_on_off() {
        assert!(on_off(None));
        assert!(on_off(Some("1")));
        assert!(on_off(Some("true")));
        assert!(!on_off(Some("0")));
        assert!(!on_off(Some("false")));
        assert!(!on_off(Some("off")));
    }
}
