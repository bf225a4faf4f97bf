//! Importing activity and check-in files on a worker thread, through the same batch import as
//! the command line (progress, cancel, summary, one undoable edit), and exporting the plan.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};

use super::*;
use crate::export::ExportFormat;
use crate::import::ImportReport;

/// An import running on a worker thread.
pub(super) struct ImportJob {
    /// Files to read: the paths at first, the files in archives counted once the worker has
    /// looked into them.
    total: Arc<AtomicUsize>,
    done: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    result: Receiver<ImportReport>,
}

/// The summary shown when an import ends.
pub(super) struct ImportSummary {
    report: ImportReport,
    total: usize,
}

/// The Export plan window's choice.
pub(super) struct ExportChoice {
    format: ExportFormat,
}

impl StrideApp {
    /// Starts importing `paths` (files or folders) on a worker thread.
    pub(super) fn start_import(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        if self.import_job.is_some() {
            return;
        }
        let files = crate::import::expand_paths(&paths);
        if files.is_empty() {
            self.show_error(
                "No activity files there: Stride imports .fit, .gpx, .tcx and .csv files, \
                 also gzip-compressed (.fit.gz), and zip archives such as Strava's export.",
                Kept::Said,
            );
            return;
        }
        let history = self.session.document().history.clone();
        let done = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (sender, receiver) = std::sync::mpsc::channel();
        let total = Arc::new(AtomicUsize::new(files.len()));
        let (job_done, job_cancel, repaint) = (done.clone(), cancel.clone(), ctx.clone());
        let job_total = total.clone();
        std::thread::spawn(move || {
            let count = files.iter().map(|f| crate::import::count_files(f)).sum();
            job_total.store(count, Ordering::Relaxed);
            let report = crate::import::import_files(&files, &history, &mut |n| {
                job_done.store(n, Ordering::Relaxed);
                repaint.request_repaint();
                !job_cancel.load(Ordering::Relaxed)
            });
            // The window may have closed meanwhile; then nobody needs the report.
            let _ = sender.send(report);
            repaint.request_repaint();
        });
        self.import_job = Some(ImportJob {
            total,
            done,
            cancel,
            result: receiver,
        });
    }

    /// The progress window while an import runs; applies its result when it ends.
    pub(super) fn import_window(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.import_job else {
            return;
        };
        let report = match job.result.try_recv() {
            Ok(report) => Some(report),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(ImportReport {
                files_done: job.done.load(Ordering::Relaxed),
                cancelled: true,
                ..ImportReport::default()
            }),
        };
        let total = job.total.load(Ordering::Relaxed);
        if let Some(report) = report {
            self.import_job = None;
            self.finish_import(report, total);
            return;
        }
        let done = job.done.load(Ordering::Relaxed);
        let mut cancel = false;
        egui::Window::new("Importing activities")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label(format!("{done} of {total} files read"));
                ui.add(
                    egui::ProgressBar::new(done as f32 / total.max(1) as f32)
                        .desired_width(320.0)
                        .show_percentage(),
                );
                if ui.button("Cancel import").clicked() {
                    cancel = true;
                }
            });
        if cancel {
            job.cancel.store(true, Ordering::Relaxed);
        }
    }

    fn finish_import(&mut self, report: ImportReport, total: usize) {
        if report.changes_history() {
            let additions = report.additions();
            self.requests.push(Request::Apply(Edit::ImportActivities {
                label: import_label(&report),
                activities: additions.activities,
                wellness: additions.wellness,
            }));
        }
        self.import_summary = Some(ImportSummary { report, total });
    }

    /// The summary of the last import: imported, skipped and failed files with reasons.
    pub(super) fn import_summary_window(&mut self, ctx: &egui::Context) {
        let Some(summary) = &self.import_summary else {
            return;
        };
        let mut open = true;
        let r = &summary.report;
        window_over_calendar("Import finished", ctx)
            .open(&mut open)
            .default_width(480.0)
            .show(ctx, |ui| {
                if r.cancelled {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        format!(
                            "Cancelled after {} of {} files; what was read before is kept.",
                            r.files_done, summary.total
                        ),
                    );
                }
                ui.label(format!(
                    "{} activities imported, {} merged into ones already there, {} skipped as \
                     already there, {} files failed.",
                    r.imported.len(),
                    r.merged.len(),
                    r.skipped.len(),
                    r.failed().len()
                ));
                if !r.wellness.is_empty() {
                    let w = r.wellness_counts();
                    ui.label(format!(
                        "{} check-ins added, {} updated, {} unchanged.",
                        w.added, w.updated, w.unchanged
                    ));
                }
                if r.changes_history() {
                    ui.weak("Edit > Undo takes the whole import back.");
                }
                egui::ScrollArea::vertical()
                    .max_height(300.0)
                    .show(ui, |ui| {
                        for f in &r.failed() {
                            ui.colored_label(
                                ui.visuals().error_fg_color,
                                format!("{}: {}", file_name(&f.file), f.reason),
                            );
                        }
                        for m in &r.merged {
                            ui.label(format!(
                                "{}: {} merged, filled in {}; {}",
                                file_name(&m.file),
                                m.start.format("%-d %b %Y %H:%M"),
                                m.filled,
                                m.reason
                            ));
                        }
                        for s in &r.skipped {
                            ui.weak(format!(
                                "{}: {} skipped, {}",
                                file_name(&s.file),
                                s.start.format("%-d %b %Y %H:%M"),
                                s.reason
                            ));
                        }
                    });
                if ui.button("Close").clicked() {
                    self.import_summary_close = true;
                }
            });
        if !open || std::mem::take(&mut self.import_summary_close) {
            self.import_summary = None;
        }
    }

    /// The Export plan window: choose a format, then where.
    pub(super) fn export_window(&mut self, ctx: &egui::Context) {
        let Some(choice) = &mut self.export_choice else {
            return;
        };
        let mut open = true;
        let mut go = false;
        window_over_calendar("Export plan", ctx)
            .open(&mut open)
            .resizable(false)
            .show(ctx, |ui| {
                for format in ExportFormat::ALL {
                    ui.radio_value(&mut choice.format, format, format.label());
                }
                if choice.format.writes_folder() {
                    ui.weak("One file per structured workout, in a folder you choose.");
                }
                go = ui.button("Export…").clicked();
            });
        if go {
            let format = choice.format;
            self.export_choice = None;
            let plan_name = self
                .session
                .document()
                .active_plan()
                .map_or_else(|| "plan".to_owned(), |p| p.name.clone());
            let stem = suggested_file_name(&plan_name);
            let stem = stem.trim_end_matches(".ron");
            self.dialogs.start(DialogRequest {
                purpose: DialogPurpose::ExportPlan(format),
                save: !format.writes_folder(),
                suggested_name: format!("{stem}.{}", format.extension()),
                directory: self.current_folder(),
            });
        } else if !open {
            self.export_choice = None;
        }
    }

    /// Opens the Export plan window.
    pub(super) fn choose_export(&mut self) {
        if self.session.document().active_plan().is_none() {
            self.show_error(
                "There is no plan to export: make one with Plan > New plan.",
                Kept::Said,
            );
            return;
        }
        self.export_choice = Some(ExportChoice {
            format: ExportFormat::ALL[0],
        });
    }

    /// Writes the plan where the user chose.
    pub(super) fn export_to(&mut self, format: ExportFormat, path: &std::path::Path) {
        if let Some(open) = self.session.path()
            && crate::storage::same_file(open, path)
        {
            self.show_error(
                format!(
                    "{} is the document you are working on; export to another file.",
                    path.display()
                ),
                Kept::NothingOverwritten,
            );
            return;
        }
        let now = chrono::Utc::now();
        match crate::export::export_plan(self.session.document(), format, path, now) {
            Ok(files) => self.set_status(match files.as_slice() {
                [one] => format!("Exported the plan to {}", one.display()),
                many => format!("Exported {} files to {}", many.len(), path.display()),
            }),
            Err(e) => self.show_error(e, Kept::NothingOverwritten),
        }
    }
}

/// The Undo menu's name of an import: what it added ("Import 3 activities and 2 check-ins
/// from 5 files"), or the duplicates it merged when it added nothing.
fn import_label(report: &ImportReport) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let n = report.imported.len();
    let wellness = report.wellness_counts();
    let checkins = wellness.added + wellness.updated;
    let mut what = Vec::new();
    if n > 0 {
        what.push(plural(n, "activity", "activities"));
    }
    if checkins > 0 {
        what.push(plural(checkins, "check-in", "check-ins"));
    }
    let what = if what.is_empty() {
        format!(
            "Merge {}",
            plural(report.merged.len(), "duplicate", "duplicates")
        )
    } else {
        format!("Import {}", what.join(" and "))
    };
    format!("{what} from {}", plural(report.files_done, "file", "files"))
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
