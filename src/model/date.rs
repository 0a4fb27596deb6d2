//! Dates as the forms print them (`2026-01-01`, `2026/1/1`, `2026年1月1日`, Excel serials),
//! made `YYYY-MM-DD`.

/// Text shaped like a date (`2026-02-30`, `2026年13月1日`): three runs of digits in a date's
/// separators, whether or not the day exists.
pub fn looks_like(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_end_matches('日');
    let parts: Vec<&str> = t.split(['-', '/', '.', '年', '月']).collect();
    parts.len() == 3
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
}

/// `2026-01-01`, `2026/1/1`, `2026.1.1`, `2026年1月1日` → `2026-01-01`.
pub fn parse(text: &str) -> Option<String> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_end_matches('日');
    let parts: Vec<&str> = t.split(['-', '/', '.', '年', '月']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (
        parts[0].parse().ok()?,
        parts[1].parse().ok()?,
        parts[2].parse().ok()?,
    );
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1000..=9999).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days[(m - 1) as usize]
    {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Excel's 1900 date system: serial 1 is 1900-01-01 (with its phantom 1900-02-29).
pub fn from_serial(serial: i64) -> String {
    // Days from 1970-01-01; Excel's day 25569 is 1970-01-01 (serials after 1900-02-28).
    let z = serial - 25569 + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_people_type() {
        assert_eq!(parse("2026-01-01").as_deref(), Some("2026-01-01"));
        assert_eq!(parse("2026/1/1").as_deref(), Some("2026-01-01"));
        assert_eq!(parse("2026年1月1日").as_deref(), Some("2026-01-01"));
        assert_eq!(parse("2026.12.31").as_deref(), Some("2026-12-31"));
        assert_eq!(parse("2026-02-30"), None);
        assert_eq!(parse("全年"), None);
        assert_eq!(from_serial(46023), "2026-01-01");
        assert_eq!(from_serial(45657), "2024-12-31");
    }
}
