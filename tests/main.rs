//! The integration suite: one test binary (ripgrep-style), one module per area.
//!
//! Everything but `properties` runs the real `briefing` binary on the sample clusters in
//! `samples/` (or on small inputs written to a temporary folder) and checks what it prints.

mod util;

mod arabic;
mod cli;
mod cost;
mod digest;
mod email;
mod english;
#[cfg(feature = "fuzz")]
mod fuzz;
mod hardening;
mod html;
mod properties;
mod reliability;
mod rouge;
mod snapshots;
mod web;
