//! Stride: running plans that treat recovery as part of training.
//!
//! # Architecture
//!
//! The crate is a pure domain core and a thin user interface on top. Imports go one way only,
//! downwards in this picture; nothing below `ui` and `cli` knows about windows or terminals.
//!
//! ```text
//!   main.rs ──► cli ──────────────► ui (eframe, egui, rfd)
//!                │                    │
//!                ▼                    ▼
//!             storage (RON files, demo athlete)
//!                │
//!                ▼
//!              model (athlete, plan, workouts, history, settings)
//! ```
//!
//! - [`model`]: the athlete document and its plain data types.
//! - [`storage`]: RON load/save with atomic writes, backups, versions and readable errors.
//! - [`cli`]: the headless subcommands (`stride validate`, ...) and argument parsing.
//! - [`ui`]: the eframe application; views push commands, one place applies them.
//!
//! The core modules (`model`, `storage`) never import egui, eframe or rfd; everything a user
//! sees in the window is computed there and tested without one.

pub mod cli;
pub mod generator;
pub mod model;
pub mod rules;
pub mod science;
pub mod session;
pub mod storage;
pub mod ui;
