//! Broken-down time for the `time` module: `struct_time`, `gmtime`, `localtime`, `mktime`,
//! `asctime`, `ctime` and `strftime`, computed in Rust (proleptic Gregorian calendar, the C
//! locale) rather than through libc, so a simulated run formats its virtual clock the same on
//! every machine. The local zone is UTC in simulated runs (a run is a pure function of its
//! inputs) and the machine's zone (`time_zone`) in real ones.

use std::sync::{Arc, LazyLock};

pub use crate::runtime::sched::zone::{civil_from_days, days_from_civil};
use crate::vm::builtins::{add_methods, native};
use crate::vm::context::Vm;
use crate::vm::objects::class::{Class, Instance, Layout, c3_mro, unwrap_base};
use crate::vm::objects::descriptors::{Property, new_property};
use crate::vm::objects::function::{Args, NativeFn};
use crate::vm::objects::module::Module;
use crate::vm::objects::types::{type_name, types};
use crate::vm::objects::value::Value;
use crate::vm::pyerr::{PyResult, overflow_error, type_error, value_error};

/// A broken-down time, as C's `struct tm` but with Python's conventions: month 1-12,
/// weekday 0 = Monday, day of the year 1-366.
#[derive(Debug, Clone, PartialEq)]
pub struct Tm {
    pub year: i64,
    pub mon: i64,
    pub mday: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub wday: i64,
    pub yday: i64,
    pub isdst: i64,
    pub zone: String,
    pub gmtoff: i64,
}

const FIELDS: [&str; 9] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];

/// The broken-down time of `secs` seconds since the epoch at UTC offset `gmtoff`.
pub fn broken_down(secs: i64, gmtoff: i64, isdst: bool, zone: &str) -> Tm {
    let local = secs + gmtoff;
    let days = local.div_euclid(86_400);
    let rem = local.rem_euclid(86_400);
    let (year, mon, mday) = civil_from_days(days);
    Tm {
        year,
        mon,
        mday,
        hour: rem / 3600,
        min: rem % 3600 / 60,
        sec: rem % 60,
        // 1970-01-01 was a Thursday (3 with Monday = 0).
        wday: (days + 3).rem_euclid(7),
        yday: days - days_from_civil(year, 1, 1) + 1,
        isdst: i64::from(isdst),
        zone: zone.to_string(),
        gmtoff,
    }
}

/// The class `time.struct_time`: a tuple subclass of the nine fields, with `tm_zone` and
/// `tm_gmtoff` as attributes beyond the sequence, as CPython's structseq has them.
static STRUCT_TIME: LazyLock<Arc<Class>> = LazyLock::new(|| {
    let tuple = types().tuple.clone();
    let bases = vec![tuple.clone()];
    let mut c = Class::new_builtin("struct_time", "time", bases.clone(), Layout::Object);
    c.mro = c3_mro(&bases).unwrap_or_default();
    c.builtin_base = Some(tuple);
    let c = Arc::new(c);
    const GETTERS: [NativeFn; 9] = [
        |_, a| field(a, 0),
        |_, a| field(a, 1),
        |_, a| field(a, 2),
        |_, a| field(a, 3),
        |_, a| field(a, 4),
        |_, a| field(a, 5),
        |_, a| field(a, 6),
        |_, a| field(a, 7),
        |_, a| field(a, 8),
    ];
    for (name, getter) in FIELDS.iter().zip(GETTERS) {
        c.dict.set_str(
            name,
            new_property(Property {
                fget: native(name, getter),
                fset: native(name, readonly),
                fdel: Value::None,
                doc: Value::None,
            }),
        );
    }
    add_methods(
        &c,
        &[
            ("__repr__", repr),
            ("__str__", repr),
            ("__new__", construct),
        ],
    );
    c.dict.set_str("n_fields", Value::Int(11));
    c.dict.set_str("n_sequence_fields", Value::Int(9));
    c.dict.set_str("n_unnamed_fields", Value::Int(0));
    c
});

/// Assigning a field is structseq's "readonly attribute" error.
fn readonly(_: &Vm, _: Args<'_>) -> PyResult<Value> {
    Err(crate::vm::pyerr::attribute_error("readonly attribute"))
}

fn items(v: &Value) -> &[Value] {
    match unwrap_base(v) {
        Value::Tuple(t) => &t.items,
        _ => &[],
    }
}

fn field(args: Args<'_>, i: usize) -> PyResult<Value> {
    let this = args.pos().first().cloned().unwrap_or(Value::None);
    Ok(items(&this).get(i).cloned().unwrap_or(Value::None))
}

fn repr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let this = args.pos().first().cloned().unwrap_or(Value::None);
    let mut parts = Vec::new();
    for (name, v) in FIELDS.iter().zip(items(&this)) {
        parts.push(format!("{name}={}", vm.repr(v)?));
    }
    Ok(Value::string(format!(
        "time.struct_time({})",
        parts.join(", ")
    )))
}

/// `time.struct_time(sequence)`: nine to eleven items (the last two are the zone and offset).
/// A native class's `__new__` takes the call's arguments as they are (no class first).
fn construct(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    let Some(seq) = pos.first() else {
        return Err(type_error(
            "structseq() missing required argument 'sequence' (pos 1)",
        ));
    };
    let values = vm.collect(seq)?;
    if values.len() < 9 {
        return Err(type_error(format!(
            "time.struct_time() takes an at least 9-sequence ({}-sequence given)",
            values.len()
        )));
    }
    if values.len() > 11 {
        return Err(type_error(format!(
            "time.struct_time() takes an at most 11-sequence ({}-sequence given)",
            values.len()
        )));
    }
    Ok(make(
        values[..9].to_vec(),
        values.get(9).cloned().unwrap_or(Value::None),
        values.get(10).cloned().unwrap_or(Value::None),
    ))
}

fn make(nine: Vec<Value>, zone: Value, gmtoff: Value) -> Value {
    let inst = Instance::with_base(STRUCT_TIME.clone(), Value::tuple(nine));
    inst.dict.set_str("tm_zone", zone);
    inst.dict.set_str("tm_gmtoff", gmtoff);
    Value::Instance(inst)
}

pub fn struct_time(tm: &Tm) -> Value {
    let nine = [
        tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday, tm.isdst,
    ];
    make(
        nine.iter().map(|&n| Value::Int(n)).collect(),
        Value::str(&tm.zone),
        Value::Int(tm.gmtoff),
    )
}

/// Seconds for `gmtime`/`localtime`/`ctime`: the clock when absent or None, else CPython's
/// `_PyTime_ObjectToTime_t` (rounding down, its errors).
fn seconds_arg(vm: &Vm, args: Args<'_>, fname: &str) -> PyResult<i64> {
    let a = crate::vm::builtins::positional(fname, args, 0, 1)?;
    let out_of_range = || overflow_error("timestamp out of range for platform time_t");
    match a.first() {
        None | Some(Value::None) => Ok(vm.sched.wall_clock(&vm.caller()).as_secs() as i64),
        Some(Value::Float(f)) => {
            if f.is_nan() {
                return Err(value_error("Invalid value NaN (not a number)"));
            }
            let f = f.floor();
            if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f) {
                return Err(out_of_range());
            }
            Ok(f as i64)
        }
        Some(v @ (Value::Int(_) | Value::Bool(_))) => v.as_i64().ok_or_else(out_of_range),
        Some(Value::BigInt(_)) => Err(out_of_range()),
        Some(other) => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(other)
        ))),
    }
}

/// Years beyond a C `int` are glibc's EOVERFLOW; CPython reports them as out of range.
fn checked(tm: Tm) -> PyResult<Tm> {
    if i32::try_from(tm.year - 1900).is_err() {
        return Err(overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(tm)
}

/// Local time in the run's zone (UTC when simulated, see `Scheduler::local_zone`).
fn local_for(vm: &Vm, secs: i64) -> Tm {
    let (off, dst, name) = vm.sched.local_zone().at(secs);
    broken_down(secs, off, dst, name)
}

fn gmtime(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let secs = seconds_arg(vm, args, "gmtime")?;
    Ok(struct_time(&checked(broken_down(secs, 0, false, "GMT"))?))
}

fn localtime(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let secs = seconds_arg(vm, args, "localtime")?;
    Ok(struct_time(&checked(local_for(vm, secs))?))
}

fn ctime(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let secs = seconds_arg(vm, args, "ctime")?;
    Ok(Value::string(asctime_text(&checked(local_for(vm, secs))?)))
}

/// Day names in `tm_wday` order (Monday is 0); `strftime` uses them too.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn asctime_text(tm: &Tm) -> String {
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        &WEEKDAYS[tm.wday.rem_euclid(7) as usize][..3],
        &MONTHS[(tm.mon - 1).clamp(0, 11) as usize][..3],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    )
}

/// CPython's `gettmarg`: a struct_time or a 9-tuple of ints, read into a `Tm` (a plain
/// tuple takes the zone of the run's local time).
fn time_tuple(vm: &Vm, v: &Value, fname: &str) -> PyResult<Tm> {
    let Value::Tuple(t) = unwrap_base(v) else {
        return Err(type_error("Tuple or struct_time argument required"));
    };
    if t.items.len() != 9 {
        return Err(type_error(format!(
            "{fname}(): illegal time tuple argument"
        )));
    }
    let mut n = [0i64; 9];
    for (slot, item) in n.iter_mut().zip(t.items.iter()) {
        *slot = crate::vm::builtins::c_int_arg(item)?;
    }
    let (zone, gmtoff) = match v {
        Value::Instance(i) if Arc::ptr_eq(&i.class, &STRUCT_TIME) => (
            i.dict
                .get_str("tm_zone")
                .and_then(|z| z.as_str().map(String::from)),
            i.dict.get_str("tm_gmtoff").and_then(|o| o.as_i64()),
        ),
        _ => (None, None),
    };
    let fallback = local_for(vm, vm.sched.wall_clock(&vm.caller()).as_secs() as i64);
    Ok(Tm {
        year: n[0],
        mon: n[1],
        mday: n[2],
        hour: n[3],
        min: n[4],
        sec: n[5],
        wday: n[6],
        yday: n[7],
        isdst: n[8],
        zone: zone.unwrap_or(fallback.zone),
        gmtoff: gmtoff.unwrap_or(fallback.gmtoff),
    })
}

/// CPython's `checktm`, which also takes a zero month, day or day of the year as a 1.
fn check_ranges(tm: &mut Tm) -> PyResult<()> {
    for v in [&mut tm.mon, &mut tm.mday, &mut tm.yday] {
        if *v == 0 {
            *v = 1;
        }
    }
    let checks = [
        (1..=12)
            .contains(&tm.mon)
            .then_some(())
            .ok_or("month out of range"),
        (1..=31)
            .contains(&tm.mday)
            .then_some(())
            .ok_or("day of month out of range"),
        (0..=23)
            .contains(&tm.hour)
            .then_some(())
            .ok_or("hour out of range"),
        (0..=59)
            .contains(&tm.min)
            .then_some(())
            .ok_or("minute out of range"),
        (0..=61)
            .contains(&tm.sec)
            .then_some(())
            .ok_or("seconds out of range"),
        // Python's weekday (Monday = 0) becomes C's (Sunday = 0) by (wday + 1) % 7, with
        // C's sign-keeping remainder: only wday <= -2 ends negative.
        ((tm.wday + 1) % 7 >= 0)
            .then_some(())
            .ok_or("day of week out of range"),
        (1..=366)
            .contains(&tm.yday)
            .then_some(())
            .ok_or("day of year out of range"),
    ];
    for check in checks {
        check.map_err(value_error)?;
    }
    Ok(())
}

fn asctime(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = crate::vm::builtins::positional("asctime", args, 0, 1)?;
    let mut tm = match a.first() {
        None => local_for(vm, vm.sched.wall_clock(&vm.caller()).as_secs() as i64),
        Some(v) => time_tuple(vm, v, "asctime")?,
    };
    check_ranges(&mut tm)?;
    Ok(Value::string(asctime_text(&tm)))
}

/// `mktime`: local time to seconds; out-of-range fields carry over as C's `mktime` does.
fn mktime(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = crate::vm::builtins::positional("mktime", args, 1, 1)?;
    let tm = time_tuple(vm, &a[0], "mktime")?;
    let naive = naive_seconds(&tm);
    // The offset in force at that local time: take it at the naive instant, then once
    // more at the corrected one (a DST change between them moves it).
    let zone = vm.sched.local_zone();
    let offset = zone.at(naive - zone.at(naive).0).0;
    Ok(Value::Float((naive - offset) as f64))
}

/// Seconds of a broken-down time read as if it were UTC, months and days carrying over.
fn naive_seconds(tm: &Tm) -> i64 {
    let y = tm.year + (tm.mon - 1).div_euclid(12);
    let m = (tm.mon - 1).rem_euclid(12) + 1;
    let days = days_from_civil(y, m, 1) + tm.mday - 1;
    days * 86_400 + tm.hour * 3600 + tm.min * 60 + tm.sec
}

fn strftime(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = crate::vm::builtins::positional("strftime", args, 1, 2)?;
    let Value::Str(format) = &a[0] else {
        return Err(type_error(format!(
            "strftime() argument 1 must be str, not {}",
            type_name(&a[0])
        )));
    };
    let mut tm = match a.get(1) {
        None => local_for(vm, vm.sched.wall_clock(&vm.caller()).as_secs() as i64),
        Some(v) => time_tuple(vm, v, "strftime")?,
    };
    check_ranges(&mut tm)?;
    tm.isdst = tm.isdst.clamp(-1, 1);
    Ok(Value::string(super::time_strftime::format(
        format.as_str(),
        &tm,
        naive_seconds(&tm) - tm.gmtoff,
    )))
}

/// `strptime(string, format="%a %b %d %H:%M:%S %Y")`: the parsing is datetime's (one
/// parser for both, as CPython's Lib/_strptime.py serves both), its fields made a
/// struct_time here.
fn strptime(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = crate::vm::builtins::positional("strptime", args, 1, 2)?;
    let datetime = vm.import_module("datetime")?;
    let parse = vm.getattr_str(&datetime, "_time_strptime")?;
    let fields = vm.call(&parse, a)?;
    vm.call(&Value::Class(STRUCT_TIME.clone()), &[fields])
}

/// The calendar functions and zone constants of the `time` module.
pub fn register(vm: &Vm, m: &Module) {
    let functions: [(&str, NativeFn); 7] = [
        ("strptime", strptime),
        ("gmtime", gmtime),
        ("localtime", localtime),
        ("ctime", ctime),
        ("asctime", asctime),
        ("mktime", mktime),
        ("strftime", strftime),
    ];
    for (name, f) in functions {
        m.set(name, native(name, f));
    }
    m.set("struct_time", Value::Class(STRUCT_TIME.clone()));
    let now = vm.sched.wall_clock(&vm.caller()).as_secs() as i64;
    let (std_name, dst_name, std_off, dst_off, has_dst) = vm.sched.local_zone().summary(now);
    m.set("timezone", Value::Int(-std_off));
    m.set("altzone", Value::Int(-dst_off));
    m.set("daylight", Value::Int(i64::from(has_dst)));
    m.set(
        "tzname",
        Value::tuple(vec![Value::string(std_name), Value::string(dst_name)]),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_and_weekdays() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2026, 1, 1), 20_454);
        for d in [-1_000_000, -719_468, -1, 0, 59, 20_454, 1_000_000] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        let tm = broken_down(1_000_000_000, 0, false, "GMT");
        assert_eq!((tm.year, tm.mon, tm.mday, tm.hour), (2001, 9, 9, 1));
        assert_eq!((tm.wday, tm.yday), (6, 252));
    }
}
