//! Stride: running plans that treat recovery as part of training.
//!
//! # Architecture
//!
//! The crate is a pure domain core with two front ends on top, the command line and the
//! window; `main.rs` picks one, and neither uses the other. Each layer below uses only the
//! layers under it; nothing under `cli` and `ui` knows about windows or terminals.
//!
//! ```text
//!   main.rs
//!     │ picks one
//!     ▼
//!   cli                 ui (eframe, egui, rfd)         the front ends
//!     │                  │
//!     │                  ▼
//!     │                session                       edits, undo, derived state, drag previews
//!     ▼                  ▼
//!   readiness                                        warning signs, suggestions, adapting
//!     ▼
//!   generator    import    export                    plans; files in; files out
//!     ▼            ▼         ▼
//!   rules        storage                             recovery rules; RON and CSV files
//!     ▼            ▼
//!   science                                          load, fitness/fatigue/form, paces
//!     ▼
//!   model                                            athlete, plan, workouts, history
//! ```
//!
//! - [`model`]: the athlete document and its plain data types.
//! - [`science`]: session load, fitness/fatigue/form, ACWR, monotony, Daniels paces.
//! - [`rules`]: the recovery rules R1-R11 that check every plan and edit.
//! - [`generator`]: plans toward a goal race that pass the rules.
//! - [`readiness`]: warning signs of poor recovery from history and check-ins, suggested
//!   plan changes, recovery tips, and adapting the plan to what actually happened.
//! - [`storage`]: RON documents (atomic writes, backups, versions, readable errors) and the
//!   session, wellness and plan CSV formats.
//! - [`session`]: the open document and the one place edits are applied, with undo; the
//!   derived state the window shows (load series, findings, readiness, drag previews).
//! - [`import`]: activities from FIT, GPX, TCX, session CSV and Strava files, without duplicates.
//! - [`export`]: the active plan as iCalendar, plan CSV, RON, FIT workouts or printable HTML.
//! - [`cli`]: the headless subcommands and argument parsing.
//! - [`ui`]: the eframe application; views push requests, one place carries them out.
//!
//! The core modules (everything but `ui` and `cli`) never import egui, eframe or rfd;
//! everything a user sees in the window is computed there and tested without one.

pub mod cli;
pub mod export;
pub mod generator;
pub mod import;
pub mod model;
pub mod readiness;
pub mod rules;
pub mod science;
pub mod session;
pub mod storage;
#[cfg(feature = "gui")]
pub mod ui;
