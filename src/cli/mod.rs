//! The binary's own modules: the clap definitions ([`args`]), what runs them ([`run`]), the
//! email envelope and where output goes. The library never sees a clap type.

pub mod args;
mod email;
pub mod output;
pub mod run;
