//! `time.strftime`'s directives as glibc formats them in the C locale (the locale CPython
//! starts in), including glibc's flags `-` (no padding), `_` (spaces) and `0`, and its
//! habit of copying an unknown directive (`%f`, `%Q`) through unchanged.

use super::time_calendar::{MONTHS, Tm, WEEKDAYS};

/// glibc's `iso_week_days`: days since the Monday starting ISO week 1 of the year that
/// `yday` (0-based) counts in, from the tuple's own weekday (Sunday = 0) as glibc takes it.
fn iso_week_days(yday: i64, wday: i64) -> i64 {
    // A multiple of 7 large enough to keep the remainder's operand positive.
    let big = (366 / 7 + 2) * 7;
    yday - (yday - wday + 4 + big) % 7 + 4 - 1
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// The ISO 8601 year and week of `tm` (`%G`, `%V`), from its yday and wday as glibc does.
fn iso_week(tm: &Tm) -> (i64, i64) {
    let (yday, wday) = (tm.yday - 1, (tm.wday + 1).rem_euclid(7));
    let mut year = tm.year;
    let mut days = iso_week_days(yday, wday);
    if days < 0 {
        year -= 1;
        days = iso_week_days(yday + 365 + i64::from(is_leap(year)), wday);
    } else {
        let d = iso_week_days(yday - (365 + i64::from(is_leap(year))), wday);
        if d >= 0 {
            year += 1;
            days = d;
        }
    }
    (year, days / 7 + 1)
}

/// A number with glibc's padding: `width` digits padded by `pad` unless a flag overrides.
fn num(out: &mut String, n: i64, width: usize, pad: char, flag: Option<char>) {
    let text = n.abs().to_string();
    // glibc counts the sign in the width (`%C` of year -5 is "-1").
    let width = if n < 0 {
        out.push('-');
        width.saturating_sub(1)
    } else {
        width
    };
    let pad = match flag {
        Some('-') => return out.push_str(&text),
        Some('_') => ' ',
        Some('0') => '0',
        _ => pad,
    };
    for _ in text.len()..width {
        out.push(pad);
    }
    out.push_str(&text);
}

/// `strftime(format, tm)`; `epoch` is the instant `tm` stands for (`%s`).
pub fn format(fmt: &str, tm: &Tm, epoch: i64) -> String {
    let mut out = String::new();
    let mut chars = fmt.chars().peekable();
    let wday_sun = (tm.wday + 1).rem_euclid(7) as usize;
    let weekday = WEEKDAYS[tm.wday.rem_euclid(7) as usize];
    let month = MONTHS[(tm.mon - 1).clamp(0, 11) as usize];
    let hour12 = if tm.hour % 12 == 0 { 12 } else { tm.hour % 12 };
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut flag = None;
        if let Some(&f @ ('-' | '_' | '0')) = chars.peek() {
            flag = Some(f);
            chars.next();
        }
        // The E and O modifiers select alternative forms that the C locale does not have.
        if let Some('E' | 'O') = chars.peek() {
            chars.next();
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        match d {
            'a' => out.push_str(&weekday[..3]),
            'A' => out.push_str(weekday),
            'b' | 'h' => out.push_str(&month[..3]),
            'B' => out.push_str(month),
            'c' => out.push_str(&format("%a %b %e %H:%M:%S %Y", tm, epoch)),
            'C' => num(&mut out, tm.year.div_euclid(100), 2, '0', flag),
            'd' => num(&mut out, tm.mday, 2, '0', flag),
            'D' | 'x' => out.push_str(&format("%m/%d/%y", tm, epoch)),
            'e' => num(&mut out, tm.mday, 2, ' ', flag),
            'F' => out.push_str(&format("%Y-%m-%d", tm, epoch)),
            'G' => num(&mut out, iso_week(tm).0, 1, '0', flag),
            'g' => num(&mut out, iso_week(tm).0.rem_euclid(100), 2, '0', flag),
            'H' => num(&mut out, tm.hour, 2, '0', flag),
            'I' => num(&mut out, hour12, 2, '0', flag),
            'j' => num(&mut out, tm.yday, 3, '0', flag),
            'k' => num(&mut out, tm.hour, 2, ' ', flag),
            'l' => num(&mut out, hour12, 2, ' ', flag),
            'm' => num(&mut out, tm.mon, 2, '0', flag),
            'M' => num(&mut out, tm.min, 2, '0', flag),
            'n' => out.push('\n'),
            'p' => out.push_str(if tm.hour < 12 { "AM" } else { "PM" }),
            'P' => out.push_str(if tm.hour < 12 { "am" } else { "pm" }),
            'r' => out.push_str(&format("%I:%M:%S %p", tm, epoch)),
            'R' => out.push_str(&format("%H:%M", tm, epoch)),
            's' => num(&mut out, epoch, 1, '0', flag),
            'S' => num(&mut out, tm.sec, 2, '0', flag),
            't' => out.push('\t'),
            'T' | 'X' => out.push_str(&format("%H:%M:%S", tm, epoch)),
            'u' => num(&mut out, tm.wday.rem_euclid(7) + 1, 1, '0', flag),
            'U' => num(
                &mut out,
                (tm.yday - 1 + 7 - wday_sun as i64) / 7,
                2,
                '0',
                flag,
            ),
            'V' => num(&mut out, iso_week(tm).1, 2, '0', flag),
            'w' => num(&mut out, wday_sun as i64, 1, '0', flag),
            'W' => num(
                &mut out,
                (tm.yday - 1 + 7 - tm.wday.rem_euclid(7)) / 7,
                2,
                '0',
                flag,
            ),
            'y' => num(&mut out, tm.year.rem_euclid(100), 2, '0', flag),
            'Y' => num(&mut out, tm.year, 1, '0', flag),
            'z' => {
                let off = tm.gmtoff;
                out.push(if off < 0 { '-' } else { '+' });
                let m = off.abs() / 60;
                out.push_str(&format!("{:02}{:02}", m / 60, m % 60));
            }
            'Z' => out.push_str(&tm.zone),
            '%' => out.push('%'),
            other => {
                // glibc copies what it does not know, flag and all.
                out.push('%');
                if let Some(f) = flag {
                    out.push(f);
                }
                out.push(other);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stdlib::time_calendar::{broken_down, days_from_civil};

    #[test]
    fn iso_weeks_at_year_boundaries() {
        // Values from CPython (glibc): 2024-12-30 is week 1 of 2025, 2027-01-01 week 53
        // of 2026, 2021-01-03 week 53 of 2020.
        let at = |y, m, d| broken_down(days_from_civil(y, m, d) * 86_400, 0, false, "UTC");
        assert_eq!(iso_week(&at(2024, 12, 30)), (2025, 1));
        assert_eq!(iso_week(&at(2027, 1, 1)), (2026, 53));
        assert_eq!(iso_week(&at(2021, 1, 3)), (2020, 53));
        assert_eq!(iso_week(&at(2026, 6, 15)), (2026, 25));
    }
}
