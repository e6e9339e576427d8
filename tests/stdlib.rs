//! The standard library's refusals: a name CPython has and gilsim leaves out raises
//! NotImplementedError naming it (gilsim-only behaviour, so not in the CPython corpus).

mod common;

#[test]
fn left_out_names_raise_not_implemented_naming_them() {
    let out = common::gilsim_source(
        "import time, textwrap, functools, string\n\
         for f in [time.strptime, time.get_clock_info, functools.singledispatchmethod,\n\
                   functools.get_cache_token, textwrap.re, string.Formatter]:\n\
         \x20   try:\n\
         \x20       f()\n\
         \x20   except NotImplementedError as e:\n\
         \x20       print(e)\n",
    );
    assert_eq!(
        out.stdout,
        "time.strptime is not supported by gilsim\n\
         time.get_clock_info is not supported by gilsim\n\
         functools.singledispatchmethod is not supported by gilsim\n\
         functools.get_cache_token is not supported by gilsim\n\
         textwrap.re is not supported by gilsim\n\
         string.Formatter is not supported by gilsim\n",
        "{}",
        out.stderr
    );
}
