//! `str % args`: walks the pieces from `fmt::percent`, fetches arguments and applies
//! `str()`/`repr()`/`int()`/`float()` in CPython's order (Objects/unicodeobject.c `PyUnicode_Format`).

use num_bigint::BigInt;

use crate::vm::context::Vm;
use crate::vm::fmt::percent::{self, Count, PercentPiece, PercentSpec};
use crate::vm::objects::types::type_name;
use crate::vm::objects::value::Value;
use crate::vm::protocols::convert::fmt_error;
use crate::vm::protocols::numeric::real_to_f64;
use crate::vm::pyerr::{PyResult, key_error, type_error};

struct ArgSource<'a> {
    items: Vec<Value>,
    next: usize,
    mapping: Option<&'a Value>,
}

impl ArgSource<'_> {
    fn take(&mut self) -> PyResult<Value> {
        let v = self
            .items
            .get(self.next)
            .cloned()
            .ok_or_else(|| type_error("not enough arguments for format string"))?;
        self.next += 1;
        Ok(v)
    }
}

impl Vm {
    pub fn percent_format(&self, fmt: &str, args: &Value) -> PyResult<String> {
        let is_mapping = matches!(args, Value::Dict(_))
            || (matches!(args, Value::Instance(_))
                && crate::vm::objects::types::class_of(args)
                    .lookup_static("__getitem__")
                    .is_some()
                && !matches!(args, Value::Tuple(_)));
        let items = match args {
            Value::Tuple(t) => t.items.to_vec(),
            other => vec![other.clone()],
        };
        let single = !matches!(args, Value::Tuple(_));
        let mut src = ArgSource {
            items,
            next: 0,
            mapping: is_mapping.then_some(args),
        };
        let mut out = String::new();
        let mut used_mapping = false;
        for piece in percent::parse_percent_pieces(fmt) {
            match piece {
                PercentPiece::Literal(s) => out.push_str(&s),
                PercentPiece::Spec(spec) => {
                    if spec.key.is_some() {
                        used_mapping = true;
                    }
                    let text = self.percent_one(&spec, &mut src)?;
                    out.push_str(&text);
                }
                PercentPiece::Invalid { error, key, stars } => {
                    if let Some(k) = key {
                        let mapping = src
                            .mapping
                            .ok_or_else(|| type_error("format requires a mapping"))?;
                        self.getitem(mapping, &Value::string(k))?;
                    }
                    for _ in 0..stars {
                        src.take()?;
                    }
                    return Err(fmt_error(error));
                }
            }
        }
        if !used_mapping && src.next < src.items.len() && !(single && is_mapping) {
            return Err(type_error(
                "not all arguments converted during string formatting",
            ));
        }
        Ok(out)
    }

    fn percent_one(&self, spec: &PercentSpec, src: &mut ArgSource<'_>) -> PyResult<String> {
        let mut spec = spec.clone();
        let width = match spec.width {
            Some(Count::Star) => {
                let w = src.take()?;
                let w = self.percent_star(&w)?;
                Some(percent::star_width(&w, &mut spec.flags).map_err(fmt_error)?)
            }
            Some(Count::Fixed(n)) => Some(n),
            None => None,
        };
        let precision = match spec.precision {
            Some(Count::Star) => {
                let p = src.take()?;
                let p = self.percent_star(&p)?;
                Some(percent::star_precision(&p).map_err(fmt_error)?)
            }
            Some(Count::Fixed(n)) => Some(n),
            None => None,
        };
        let arg = match &spec.key {
            Some(k) => {
                let mapping = src
                    .mapping
                    .ok_or_else(|| type_error("format requires a mapping"))?;
                match self.getitem(mapping, &Value::str(k)) {
                    Ok(v) => v,
                    Err(e)
                        if e.is_instance_of(&crate::vm::objects::types::types().exc.key_error) =>
                    {
                        return Err(key_error(Value::str(k)));
                    }
                    Err(e) => return Err(e),
                }
            }
            None => src.take()?,
        };
        percent::check_conversion(&spec).map_err(fmt_error)?;
        match spec.conv {
            's' => {
                let s = self.str(&arg)?;
                percent::percent_pad_str(&s, &spec, width, precision).map_err(fmt_error)
            }
            'r' => {
                let s = self.repr(&arg)?;
                percent::percent_pad_str(&s, &spec, width, precision).map_err(fmt_error)
            }
            'a' => {
                let s = self.ascii(&arg)?;
                percent::percent_pad_str(&s, &spec, width, precision).map_err(fmt_error)
            }
            'c' => {
                let c = match &arg {
                    Value::Str(s) if s.char_len() == 1 => s.as_str().to_string(),
                    Value::Str(_) => {
                        return Err(type_error("%c requires int or char"));
                    }
                    other => {
                        let b = other
                            .as_bigint()
                            .ok_or_else(|| type_error("%c requires int or char"))?;
                        percent::percent_char(&b).map_err(fmt_error)?.to_string()
                    }
                };
                percent::percent_pad_str(&c, &spec, width, precision).map_err(fmt_error)
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let b = self.percent_int_arg(&arg, spec.conv)?;
                percent::percent_int(&b, &spec, width, precision).map_err(fmt_error)
            }
            _ => {
                let f = real_to_f64(&arg)?;
                percent::percent_float(f, &spec, width, precision).map_err(fmt_error)
            }
        }
    }

    fn percent_star(&self, v: &Value) -> PyResult<BigInt> {
        v.as_bigint().ok_or_else(|| type_error("* wants int"))
    }

    fn percent_int_arg(&self, v: &Value, conv: char) -> PyResult<BigInt> {
        match v {
            Value::Float(f) if matches!(conv, 'd' | 'i' | 'u') => {
                if f.is_nan() {
                    return Err(crate::vm::pyerr::value_error(
                        "cannot convert float NaN to integer",
                    ));
                }
                if f.is_infinite() {
                    return Err(crate::vm::pyerr::overflow_error(
                        "cannot convert float infinity to integer",
                    ));
                }
                Ok(num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_default())
            }
            other => match other.as_bigint() {
                Some(b) => Ok(b),
                None => {
                    if matches!(conv, 'd' | 'i' | 'u') {
                        Err(type_error(format!(
                            "%{conv} format: a real number is required, not {}",
                            type_name(other)
                        )))
                    } else {
                        Err(type_error(format!(
                            "%{conv} format: an integer is required, not {}",
                            type_name(other)
                        )))
                    }
                }
            },
        }
    }
}
