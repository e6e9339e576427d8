//! The `random` module: `Random` objects over the CPython-exact Mersenne Twister in
//! `random_mt.rs`; module functions are bound to one hidden instance per interpreter.

use std::sync::{Arc, LazyLock};

use num_bigint::BigInt;
use parking_lot::Mutex;

use super::random_mt::{MersenneTwister, RandomError, RandomErrorKind, accumulate_weights};
use crate::vm::builtins::{add_methods, native_class, parse, positional};
use crate::vm::context::Vm;
use crate::vm::objects::class::Class;
use crate::vm::objects::function::{Args, BuiltinFunction, NativeFn};
use crate::vm::objects::module::Module;
use crate::vm::objects::native::NativeObject;
use crate::vm::objects::types::type_name;
use crate::vm::objects::value::Value;
use crate::vm::protocols::numeric::real_to_f64;
use crate::vm::pyerr::{PyErr, PyResult, index_error, type_error, value_error};

struct RandomObj {
    mt: Mutex<MersenneTwister>,
}

const METHODS: &[(&str, NativeFn)] = &[
    ("seed", seed),
    ("random", random),
    ("randint", randint),
    ("randrange", randrange),
    ("choice", choice),
    ("choices", choices),
    ("shuffle", shuffle),
    ("sample", sample),
    ("uniform", uniform),
    ("gauss", gauss),
    ("normalvariate", normalvariate),
    ("expovariate", expovariate),
    ("triangular", triangular),
    ("getrandbits", getrandbits),
    ("getstate", getstate),
    ("setstate", setstate),
];

static RANDOM_CLASS: LazyLock<Arc<Class>> = LazyLock::new(|| {
    let c = native_class("Random", "random", METHODS);
    add_methods(&c, &[("__call__", construct)]);
    c
});

/// A forked child's copy of a `random.Random` (the module's own generator is reseeded
/// after the fork, as CPython's `random` registers with `os.register_at_fork`).
pub fn fork_copy(v: &Value) -> Option<Value> {
    let Value::Native(n) = v else { return None };
    let r = n.downcast::<RandomObj>()?;
    let mt = r.mt.lock().clone();
    Some(Value::Native(Arc::new(NativeObject::new(
        n.class.clone(),
        RandomObj { mt: Mutex::new(mt) },
    ))))
}

fn new_random(vm: &Vm) -> Value {
    let mut mt = MersenneTwister::from_u32_key(&[0]);
    seed_unseeded(vm, &mut mt);
    Value::Native(Arc::new(NativeObject::new(
        RANDOM_CLASS.clone(),
        RandomObj { mt: Mutex::new(mt) },
    )))
}

/// A generator the program did not seed: OS entropy, as CPython; in a simulated run, a key
/// derived from the run's seed, so the run repeats.
fn seed_unseeded(vm: &Vm, mt: &mut MersenneTwister) {
    match vm.sched.entropy() {
        Some(key) => mt.seed_u32_key(&key),
        None => mt.seed_from_os_entropy(),
    }
}

pub fn create(vm: &Vm) -> Arc<Module> {
    let m = Arc::new(Module::new("random"));
    let inst = new_random(vm);
    for (n, f) in METHODS {
        m.set(
            n,
            Value::Builtin(Arc::new(BuiltinFunction {
                name: (*n).into(),
                owner: None,
                func: crate::vm::objects::function::NativeCall::Args(*f),
                bound: Some(inst.clone()),
                needs_frame: false,
            })),
        );
    }
    m.set("Random", crate::vm::builtins::native("Random", construct));
    m.set("_inst", inst);
    m
}

/// `random.Random([seed])`.
fn construct(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let inst = new_random(vm);
    if let Some(s) = args.pos().last() {
        let full = [inst.clone(), s.clone()];
        seed(vm, Args::positional(&full))?;
    }
    Ok(inst)
}

fn convert(e: RandomError) -> PyErr {
    match e.kind {
        RandomErrorKind::IndexError => index_error(e.message),
        RandomErrorKind::TypeError => type_error(e.message),
        RandomErrorKind::ZeroDivisionError => crate::vm::pyerr::zero_division_error(e.message),
        RandomErrorKind::OverflowError => crate::vm::pyerr::overflow_error(e.message),
        _ => value_error(e.message),
    }
}

fn recv<'a>(args: &'a Args<'_>) -> PyResult<&'a RandomObj> {
    match args.args.first() {
        Some(Value::Native(n)) => n
            .downcast::<RandomObj>()
            .ok_or_else(|| type_error("descriptor requires a 'Random' object")),
        _ => Err(type_error("descriptor requires a 'Random' object")),
    }
}

fn rest<'a>(args: &Args<'a>) -> Args<'a> {
    crate::vm::builtins::methods_rest(args)
}

fn int_arg(vm: &Vm, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Float(_) => Err(type_error(
            "'float' object cannot be interpreted as an integer",
        )),
        other => vm.index_value(other),
    }
}

fn seed(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let r = recv(&args)?;
    let p = parse("seed", rest(&args), &["a", "version"], 0)?;
    let mut mt = r.mt.lock();
    match p.get(0) {
        None | Some(Value::None) => seed_unseeded(vm, &mut mt),
        Some(Value::Str(s)) => mt.seed_bytes(s.as_str().as_bytes()),
        Some(Value::Bytes(b)) => mt.seed_bytes(b),
        Some(Value::Float(f)) => {
            let h = vm.hash_value(&Value::Float(*f))?;
            mt.seed_float_hash(h);
        }
        Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => {
            mt.seed_int(&v.as_bigint().unwrap_or_default());
        }
        Some(_) => {
            return Err(type_error(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            ));
        }
    }
    Ok(Value::None)
}

fn random(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let r = recv(&args)?;
    positional("random", rest(&args), 0, 0)?;
    Ok(Value::Float(r.mt.lock().random()))
}

fn randint(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let r = recv(&args)?;
    let a = positional("randint", rest(&args), 2, 2)?;
    let (x, y) = (int_arg(vm, &a[0])?, int_arg(vm, &a[1])?);
    let v = r.mt.lock().randint(&x, &y).map_err(convert)?;
    Ok(Value::from_bigint(v))
}

fn randrange(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let r = recv(&args)?;
    let a = positional("randrange", rest(&args), 1, 3)?;
    let start = int_arg(vm, &a[0])?;
    let stop = match a.get(1) {
        Some(Value::None) | None => None,
        Some(v) => Some(int_arg(vm, v)?),
    };
    let step = match a.get(2) {
        Some(v) => int_arg(vm, v)?,
        None => BigInt::from(1),
    };
    let v =
        r.mt.lock()
            .randrange(&start, stop.as_ref(), &step)
            .map_err(convert)?;
    Ok(Value::from_bigint(v))
}

/// A population that supports indexing (random.sample and choice need a sequence).
fn sequence_items(vm: &Vm, v: &Value, fname: &str) -> PyResult<Vec<Value>> {
    match v {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_) | Value::Bytes(_) => {
            vm.collect(v)
        }
        Value::Set(_) | Value::FrozenSet(_) | Value::Dict(_) if fname == "sample" => Err(
            type_error("Population must be a sequence.  For dicts or sets, use sorted(d)."),
        ),
        other => {
            let n = vm.len(other)?;
            let mut items = Vec::with_capacity(n);
            for i in 0..n {
                items.push(vm.getitem(other, &Value::Int(i as i64))?);
            }
            Ok(items)
        }
    }
}

fn choice(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let r = recv(&args)?;
    let a = positional("choice", rest(&args), 1, 1)?;
    let len = vm.len(&a[0])?;
    let i = r.mt.lock().choice_index(len).map_err(convert)?;
    vm.getitem(&a[0], &Value::Int(i as i64))
}

fn choices(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let r = recv(&args)?;
    let p = parse(
        "choices",
        rest(&args),
        &["population", "weights", "*cum_weights", "*k"],
        1,
    )?;
    let population = sequence_items(vm, p.get(0).unwrap_or(&Value::None), "choices")?;
    let k = match p.get(3) {
        Some(v) => vm.index_i64(v)?.max(0) as usize,
        None => 1,
    };
    let to_floats =
        |v: &Value| -> PyResult<Vec<f64>> { vm.collect(v)?.iter().map(real_to_f64).collect() };
    let cum = match (p.given(1), p.given(2)) {
        (Some(_), Some(_)) => {
            return Err(type_error(
                "Cannot specify both weights and cumulative weights",
            ));
        }
        (Some(w), None) => Some(accumulate_weights(&to_floats(w)?)),
        (None, Some(c)) => Some(to_floats(c)?),
        (None, None) => None,
    };
    let idx =
        r.mt.lock()
            .choices_indices(population.len(), cum.as_deref(), k)
            .map_err(convert)?;
    Ok(Value::list(
        idx.into_iter().map(|i| population[i].clone()).collect(),
    ))
}

fn shuffle(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let r = recv(&args)?;
    let a = positional("shuffle", rest(&args), 1, 1)?;
    let Value::List(l) = &a[0] else {
        return Err(type_error(format!(
            "'{}' object does not support item assignment",
            type_name(&a[0])
        )));
    };
    let mut items = l.items.write();
    r.mt.lock().shuffle(&mut items);
    Ok(Value::None)
}

fn sample(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let r = recv(&args)?;
    let p = parse("sample", rest(&args), &["population", "k", "*counts"], 2)?;
    if p.given(2).is_some() {
        return Err(crate::vm::pyerr::unsupported("random.sample(counts=...)"));
    }
    let population = p.get(0).unwrap_or(&Value::None);
    // A range is indexed, as CPython's sample does with `len(population)` and
    // `population[j]`: listing range(10**30) first ate gigabytes, where CPython's len()
    // raises OverflowError at once.
    if let Value::Range(_) = population {
        let n = vm.len(population)?;
        let idx = sample_indices(vm, r, n, p.get(1))?;
        let items: PyResult<Vec<Value>> = idx
            .into_iter()
            .map(|i| vm.getitem(population, &Value::Int(i as i64)))
            .collect();
        return Ok(Value::list(items?));
    }
    let population = sequence_items(vm, population, "sample")?;
    let idx = sample_indices(vm, r, population.len(), p.get(1))?;
    Ok(Value::list(
        idx.into_iter().map(|i| population[i].clone()).collect(),
    ))
}

/// The indices `sample` picks from a population of `n`, for the `k` argument.
fn sample_indices(vm: &Vm, r: &RandomObj, n: usize, k: Option<&Value>) -> PyResult<Vec<usize>> {
    let k = vm.index_i64(k.unwrap_or(&Value::Int(0)))?;
    if k < 0 {
        return Err(value_error("Sample larger than population or is negative"));
    }
    // The picks (a set or a pool of indices) and the result list, before the one native
    // loop that fills them: sample(range(10**9), 10**8) grew past any memory limit.
    if (k as usize) <= n {
        crate::runtime::memory::reserve_items(k as usize, 160)?;
    }
    r.mt.lock().sample_indices(n, k as usize).map_err(convert)
}

fn two_floats(args: &Args<'_>, name: &str) -> PyResult<(f64, f64)> {
    let a = positional(name, rest(args), 2, 2)?;
    Ok((real_to_f64(&a[0])?, real_to_f64(&a[1])?))
}

fn uniform(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let r = recv(&args)?;
    let (a, b) = two_floats(&args, "uniform")?;
    Ok(Value::Float(r.mt.lock().uniform(a, b)))
}

fn gauss(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let r = recv(&args)?;
    let p = parse("gauss", rest(&args), &["mu", "sigma"], 0)?;
    let mu = p.get(0).map_or(Ok(0.0), real_to_f64)?;
    let sigma = p.get(1).map_or(Ok(1.0), real_to_f64)?;
    Ok(Value::Float(r.mt.lock().gauss(mu, sigma)))
}

fn normalvariate(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let r = recv(&args)?;
    let p = parse("normalvariate", rest(&args), &["mu", "sigma"], 0)?;
    let mu = p.get(0).map_or(Ok(0.0), real_to_f64)?;
    let sigma = p.get(1).map_or(Ok(1.0), real_to_f64)?;
    Ok(Value::Float(r.mt.lock().normalvariate(mu, sigma)))
}

fn expovariate(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let r = recv(&args)?;
    let p = parse("expovariate", rest(&args), &["lambd"], 0)?;
    let lambd = p.get(0).map_or(Ok(1.0), real_to_f64)?;
    r.mt.lock()
        .try_expovariate(lambd)
        .map(Value::Float)
        .map_err(convert)
}

fn triangular(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let r = recv(&args)?;
    let p = parse("triangular", rest(&args), &["low", "high", "mode"], 0)?;
    let low = p.get(0).map_or(Ok(0.0), real_to_f64)?;
    let high = p.get(1).map_or(Ok(1.0), real_to_f64)?;
    let mode = p.given(2).map(real_to_f64).transpose()?;
    Ok(Value::Float(r.mt.lock().triangular(low, high, mode)))
}

fn getrandbits(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let r = recv(&args)?;
    let a = positional("getrandbits", rest(&args), 1, 1)?;
    let k = vm.index_value(&a[0])?;
    let v = r.mt.lock().getrandbits_checked(&k).map_err(convert)?;
    Ok(Value::from_bigint(v))
}

/// `getstate()`: (version, tuple of 625 ints, gauss_next) as CPython returns it.
fn getstate(_vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let r = recv(&args)?;
    let (words, index, gauss) = r.mt.lock().getstate();
    let mut items: Vec<Value> = words
        .into_iter()
        .map(|w| Value::Int(i64::from(w)))
        .collect();
    items.push(Value::Int(index as i64));
    Ok(Value::tuple(vec![
        Value::Int(super::random_mt::STATE_VERSION),
        Value::tuple(items),
        gauss.map_or(Value::None, Value::Float),
    ]))
}

fn setstate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let r = recv(&args)?;
    let a = positional("setstate", rest(&args), 1, 1)?;
    let Value::Tuple(state) = &a[0] else {
        return Err(type_error("state vector must be a tuple"));
    };
    let [version, internal, gauss] = &state.items[..] else {
        return Err(value_error("state vector is the wrong size"));
    };
    if version.as_i64() != Some(super::random_mt::STATE_VERSION) {
        return Err(value_error(format!(
            "state with version {} passed to Random.setstate() of version {}",
            vm.repr(version)?,
            super::random_mt::STATE_VERSION
        )));
    }
    let items = vm.collect(internal)?;
    let Some((index, words)) = items.split_last() else {
        return Err(value_error("state vector is the wrong size"));
    };
    let words: Vec<u32> = words
        .iter()
        .map(|w| {
            w.as_i64()
                .map(|x| x as u32)
                .ok_or_else(|| type_error("state vector items must be integers"))
        })
        .collect::<PyResult<_>>()?;
    let index = index
        .as_i64()
        .ok_or_else(|| type_error("state vector items must be integers"))?;
    let gauss = match gauss {
        Value::Float(f) => Some(*f),
        _ => None,
    };
    r.mt.lock()
        .setstate(&words, index, gauss)
        .map_err(convert)?;
    Ok(Value::None)
}
