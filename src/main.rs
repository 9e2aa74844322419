//! The `briefing` binary: parse arguments, run the library, map errors to exit codes
//! (0 ok, 1 failure, 2 bad usage or input). A closed standard output is not an error.

mod cli;

use std::io;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let parsed = cli::args::Cli::parse();
    cli::output::on_signal_remove_temporary_files();
    match cli::run::run(parsed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if e.chain().any(|c| {
                c.downcast_ref::<io::Error>()
                    .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {e:#}");
            let usage = e
                .downcast_ref::<briefing::Error>()
                .is_some_and(briefing::Error::is_usage);
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}
