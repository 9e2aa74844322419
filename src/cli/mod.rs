//! The binary's own modules: the clap definitions ([`args`]), what runs them ([`run`]), the
//! email envelope, the progress bar and where output goes. The library never sees a clap type.

pub mod args;
mod email;
pub mod output;
pub mod progress;
pub mod run;
