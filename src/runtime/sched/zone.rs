//! The local time zone, part of the wall clock: UTC in simulated runs (a run's output must
//! not depend on the machine), the machine's zone in real ones, read from its TZif file
//! (`$TZ`, else `/etc/localtime`) the way glibc's `localtime` reads it. gilsim does not go
//! through libc (safe Rust only), so it reads the transitions itself, and beyond the last
//! one the file's POSIX TZ footer (`EST5EDT,M3.2.0,M11.1.0`) says when daylight time runs.

use std::sync::LazyLock;

/// One local time type of a zone: offset from UTC in seconds, daylight saving, abbreviation.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalType {
    pub offset: i64,
    pub dst: bool,
    pub name: String,
}

/// A zone: the instants at which its local time type changes, and the types.
#[derive(Debug, Clone, PartialEq)]
pub struct Zone {
    transitions: Vec<(i64, usize)>,
    types: Vec<LocalType>,
    /// The footer's rule, for instants after the last transition.
    rule: Option<Rule>,
}

/// A POSIX TZ rule: standard time, and daylight time between two yearly changes.
#[derive(Debug, Clone, PartialEq)]
struct Rule {
    std: LocalType,
    dst: Option<(LocalType, Change, Change)>,
}

/// A yearly change `Mm.w.d/time`: weekday `d` (0 = Sunday) of week `w` (5 = the last) of
/// month `m`, at `time` seconds of local time in force before it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Change {
    month: i64,
    week: i64,
    weekday: i64,
    time: i64,
}

/// Days from 1970-01-01 to year-month-day (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse: (year, month, day) of a day count from 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

impl Change {
    /// The instant of the change in `year`, given the UTC offset in force before it.
    fn instant(&self, year: i64, offset_before: i64) -> i64 {
        let first = days_from_civil(year, self.month, 1);
        let next_month = if self.month == 12 {
            days_from_civil(year + 1, 1, 1)
        } else {
            days_from_civil(year, self.month + 1, 1)
        };
        // 1970-01-01 was a Thursday (4 with Sunday = 0).
        let first_weekday = (first + 4).rem_euclid(7);
        let mut day = first + (self.weekday - first_weekday).rem_euclid(7) + (self.week - 1) * 7;
        while day >= next_month {
            day -= 7;
        }
        day * 86_400 + self.time - offset_before
    }
}

impl Rule {
    fn at(&self, secs: i64) -> &LocalType {
        let Some((dst, start, end)) = &self.dst else {
            return &self.std;
        };
        let year = civil_from_days((secs + self.std.offset).div_euclid(86_400)).0;
        let begins = start.instant(year, self.std.offset);
        let ends = end.instant(year, dst.offset);
        let in_dst = if begins < ends {
            begins <= secs && secs < ends
        } else {
            // Southern hemisphere: daylight time spans the new year.
            !(ends <= secs && secs < begins)
        };
        if in_dst { dst } else { &self.std }
    }

    /// Parses `STDoffset[DST[offset][,start[/time],end[/time]]]` with `Mm.w.d` dates (what
    /// zic writes); other date forms give no rule.
    fn parse(text: &str) -> Option<Rule> {
        let mut rest = text;
        let std_name = take_name(&mut rest)?;
        let std_offset = -take_offset(&mut rest)?;
        let std = LocalType {
            offset: std_offset,
            dst: false,
            name: std_name,
        };
        if rest.is_empty() {
            return Some(Rule { std, dst: None });
        }
        let dst_name = take_name(&mut rest)?;
        let dst_offset = if rest.starts_with(',') {
            std_offset + 3600
        } else {
            -take_offset(&mut rest)?
        };
        let change = |rest: &mut &str| -> Option<Change> {
            *rest = rest.strip_prefix(",M")?;
            let end = rest.find([',', '/']).unwrap_or(rest.len());
            let mut parts = rest[..end].split('.').map(|p| p.parse::<i64>().ok());
            let (month, week, weekday) = (parts.next()??, parts.next()??, parts.next()??);
            *rest = &rest[end..];
            let time = match rest.strip_prefix('/') {
                Some(r) => {
                    *rest = r;
                    take_offset(rest)?
                }
                None => 7200,
            };
            Some(Change {
                month,
                week,
                weekday,
                time,
            })
        };
        let start = change(&mut rest)?;
        let end = change(&mut rest)?;
        let dst = LocalType {
            offset: dst_offset,
            dst: true,
            name: dst_name,
        };
        Some(Rule {
            std,
            dst: Some((dst, start, end)),
        })
    }
}

/// A zone abbreviation: letters, or anything between `<` and `>` (`<+0530>`).
fn take_name(rest: &mut &str) -> Option<String> {
    let (name, after) = if let Some(quoted) = rest.strip_prefix('<') {
        let end = quoted.find('>')?;
        (&quoted[..end], &quoted[end + 1..])
    } else {
        let end = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        (&rest[..end], &rest[end..])
    };
    *rest = after;
    (!name.is_empty()).then(|| name.to_string())
}

/// `[+-]hh[:mm[:ss]]` in seconds (a POSIX offset, positive west of Greenwich).
fn take_offset(rest: &mut &str) -> Option<i64> {
    let sign = match rest.as_bytes().first()? {
        b'-' => -1,
        _ => 1,
    };
    let digits = rest.trim_start_matches(['+', '-']);
    let end = digits
        .find(|c: char| !c.is_ascii_digit() && c != ':')
        .unwrap_or(digits.len());
    let mut secs = 0;
    for (part, scale) in digits[..end].split(':').zip([3600, 60, 1]) {
        secs += part.parse::<i64>().ok()? * scale;
    }
    *rest = &digits[end..];
    Some(sign * secs)
}

impl Zone {
    pub fn utc() -> Zone {
        Zone {
            transitions: Vec::new(),
            types: vec![LocalType {
                offset: 0,
                dst: false,
                name: "UTC".into(),
            }],
            rule: None,
        }
    }

    /// (offset, dst, abbreviation) in force `secs` seconds after the epoch.
    pub fn at(&self, secs: i64) -> (i64, bool, &str) {
        let i = self.transitions.partition_point(|(t, _)| *t <= secs);
        let ty = match (i, &self.rule) {
            (i, Some(rule)) if i == self.transitions.len() => rule.at(secs),
            _ => self.types_at(i),
        };
        (ty.offset, ty.dst, &ty.name)
    }

    /// The type in force after `i` transitions.
    fn types_at(&self, i: usize) -> &LocalType {
        match i {
            // Before the first transition: the first standard-time type (TZif's rule).
            0 => self.types.iter().find(|t| !t.dst).unwrap_or(&self.types[0]),
            _ => &self.types[self.transitions[i - 1].1],
        }
    }

    /// What `time.tzname`, `timezone`, `altzone` and `daylight` say, found as CPython's
    /// `init_timezone` finds them: from January 1st and July 1st of the year of `now`
    /// (standard time is the one further west, so southern zones come out right).
    /// Returns (standard name, daylight name, standard offset, daylight offset, daylight).
    pub fn summary(&self, now: i64) -> (String, String, i64, i64, bool) {
        let year = civil_from_days(now.div_euclid(86_400)).0;
        let (jan_off, _, jan) = self.at(days_from_civil(year, 1, 1) * 86_400);
        let (jul_off, _, jul) = self.at(days_from_civil(year, 7, 1) * 86_400);
        let (std, dst) = if jan_off > jul_off {
            ((jul_off, jul), (jan_off, jan))
        } else {
            ((jan_off, jan), (jul_off, jul))
        };
        (std.1.into(), dst.1.into(), std.0, dst.0, jan_off != jul_off)
    }

    /// Parses a TZif file (RFC 8536), using the 64-bit data of version 2 and later.
    pub fn parse(data: &[u8]) -> Option<Zone> {
        let header = |at: usize| -> Option<[usize; 6]> {
            if data.get(at..at + 4)? != b"TZif" {
                return None;
            }
            let mut counts = [0usize; 6];
            for (k, c) in counts.iter_mut().enumerate() {
                let b = data.get(at + 20 + 4 * k..at + 24 + 4 * k)?;
                *c = u32::from_be_bytes(b.try_into().ok()?) as usize;
            }
            Some(counts)
        };
        // Counts: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt.
        let block_len = |c: [usize; 6], time_size: usize| {
            c[3] * time_size + c[3] + c[4] * 6 + c[5] + c[2] * (time_size + 4) + c[1] + c[0]
        };
        let first = header(0)?;
        let (mut at, counts, time_size) = if data.get(4).copied().unwrap_or(0) >= b'2' {
            let second = 44 + block_len(first, 4);
            (second + 44, header(second)?, 8)
        } else {
            (44, first, 4)
        };
        let [_, _, _, timecnt, typecnt, charcnt] = counts;
        let footer_at = at + block_len(counts, time_size);
        let read = |at: usize, n: usize| -> Option<i64> {
            let b = data.get(at..at + n)?;
            Some(if n == 8 {
                i64::from_be_bytes(b.try_into().ok()?)
            } else {
                i64::from(i32::from_be_bytes(b.try_into().ok()?))
            })
        };
        let mut times = Vec::with_capacity(timecnt);
        for k in 0..timecnt {
            times.push(read(at + k * time_size, time_size)?);
        }
        at += timecnt * time_size;
        let indices = data.get(at..at + timecnt)?.to_vec();
        at += timecnt;
        let chars_at = at + typecnt * 6;
        let chars = data.get(chars_at..chars_at + charcnt)?;
        let mut types = Vec::with_capacity(typecnt);
        for k in 0..typecnt {
            let rec = at + k * 6;
            let name_at = *data.get(rec + 5)? as usize;
            let name = chars.get(name_at..)?;
            let end = name.iter().position(|&b| b == 0).unwrap_or(name.len());
            types.push(LocalType {
                offset: read(rec, 4)?,
                dst: *data.get(rec + 4)? != 0,
                name: String::from_utf8_lossy(&name[..end]).into_owned(),
            });
        }
        if types.is_empty() || indices.iter().any(|&i| i as usize >= types.len()) {
            return None;
        }
        let transitions = times
            .into_iter()
            .zip(indices.into_iter().map(usize::from))
            .collect();
        // The footer follows the 64-bit data: "\nTZ string\n".
        let rule = (time_size == 8)
            .then(|| data.get(footer_at..))
            .flatten()
            .and_then(|f| std::str::from_utf8(f).ok())
            .and_then(|f| f.trim().lines().next().map(str::to_string))
            .and_then(|f| Rule::parse(&f));
        Some(Zone {
            transitions,
            types,
            rule,
        })
    }
}

/// The machine's zone, read once per process: `$TZ` (a zone name or `:path`), else
/// `/etc/localtime`; UTC when neither can be read.
pub fn machine_zone() -> &'static Zone {
    static ZONE: LazyLock<Zone> = LazyLock::new(|| {
        let path = match std::env::var("TZ") {
            Ok(tz) if tz.is_empty() => return Zone::utc(),
            Ok(tz) => {
                let tz = tz.strip_prefix(':').unwrap_or(&tz).to_string();
                if tz.starts_with('/') {
                    tz
                } else {
                    format!("/usr/share/zoneinfo/{tz}")
                }
            }
            Err(_) => "/etc/localtime".to_string(),
        };
        std::fs::read(path)
            .ok()
            .and_then(|data| Zone::parse(&data))
            .unwrap_or_else(Zone::utc)
    });
    &ZONE
}

/// UTC, for simulated runs.
pub fn utc_zone() -> &'static Zone {
    static UTC: LazyLock<Zone> = LazyLock::new(Zone::utc);
    &UTC
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zone_file_gives_offsets_and_names() {
        // A Linux machine's Paris file, when present: CET in winter, CEST in summer.
        let Ok(data) = std::fs::read("/usr/share/zoneinfo/Europe/Paris") else {
            return;
        };
        let zone = Zone::parse(&data).expect("a TZif file");
        assert_eq!(zone.at(1_767_225_600), (3600, false, "CET")); // 2026-01-01
        assert_eq!(zone.at(1_782_864_000), (7200, true, "CEST")); // 2026-07-01
        let (std, dst, so, doff, has) = zone.summary(1_767_225_600);
        assert_eq!(
            (std.as_str(), dst.as_str(), so, doff, has),
            ("CET", "CEST", 3600, 7200, true)
        );
    }

    #[test]
    fn footer_rules_give_daylight_time_after_the_table() {
        let rule = Rule::parse("EST5EDT,M3.2.0,M11.1.0").expect("a rule");
        // 2041-03-21 13:00 UTC: daylight time (from the second Sunday of March).
        assert_eq!(rule.at(2_247_570_048).name, "EDT");
        assert_eq!(rule.at(2_247_570_048 - 30 * 86_400).name, "EST");
        let south = Rule::parse("AEST-10AEDT,M10.1.0,M4.1.0/3").expect("a rule");
        assert_eq!(
            south.at(days_from_civil(2050, 1, 15) * 86_400).offset,
            39_600
        );
        assert_eq!(
            south.at(days_from_civil(2050, 6, 15) * 86_400).offset,
            36_000
        );
        let quoted = Rule::parse("<+0530>-5:30").expect("a rule");
        assert_eq!(
            (quoted.std.name.as_str(), quoted.std.offset),
            ("+0530", 19_800)
        );
        assert_eq!(Rule::parse("EST5EDT,J60,J300"), None);
    }

    #[test]
    fn garbage_is_not_a_zone() {
        assert_eq!(Zone::parse(b"TZif2 but short"), None);
        assert_eq!(Zone::parse(b""), None);
        assert_eq!(Zone::utc().at(0), (0, false, "UTC"));
    }
}
