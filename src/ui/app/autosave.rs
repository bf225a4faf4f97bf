//! Autosave to the recovery file, the offer to restore after a crash, and the guard that
//! catches a panic at the frame boundary.

use std::time::{Duration, Instant};

use super::*;
use crate::storage::recovery::{Leftover, RecoveryStore, differences, remove};

/// How often unsaved changes are written to the recovery file.
pub const AUTOSAVE_INTERVAL: Duration = Duration::from_secs(30);

/// Autosave state (UI state, not saved).
pub(super) struct Autosave {
    store: RecoveryStore,
    /// The document state last written, if the file holds the current one.
    written: Option<(u64, u64)>,
    /// Since when the document has had changes not yet written.
    dirty_since: Option<Instant>,
    /// Whether the window had focus in the last frame.
    focused: bool,
}

/// A recovery file found at start, and whether its comparison is shown.
pub(super) struct RecoveryOffer {
    leftover: Leftover,
    compare: Option<Vec<String>>,
}

impl StrideApp {
    /// Keeps unsaved changes in `store`'s recovery file from now on, and offers to restore
    /// what an earlier session left there.
    pub fn with_recovery(mut self, store: RecoveryStore) -> Self {
        self.recovery_offer = store
            .leftovers()
            .into_iter()
            .next()
            .map(|leftover| RecoveryOffer {
                leftover,
                compare: None,
            });
        self.autosave = Some(Autosave {
            store,
            written: None,
            dirty_since: None,
            focused: true,
        });
        self
    }

    /// Writes the recovery file now if the document has unsaved changes not yet in it.
    pub fn autosave_now(&mut self) {
        let key = (self.generation, self.session.revision());
        let Some(a) = &mut self.autosave else {
            return;
        };
        if !self.session.is_modified() || a.written == Some(key) {
            return;
        }
        match a.store.write(self.session.document(), self.session.path()) {
            Ok(()) => {
                a.written = Some(key);
                a.dirty_since = None;
            }
            Err(e) => log::warn!("the recovery file could not be written: {e}"),
        }
    }

    /// Once a frame: writes the recovery file 30 seconds after a change and when the window
    /// loses focus; removes it once nothing is unsaved.
    pub(super) fn autosave_tick(&mut self, ctx: &egui::Context) {
        let key = (self.generation, self.session.revision());
        let modified = self.session.is_modified();
        let focused = ctx.input(|i| i.viewport().focused.unwrap_or(true));
        let Some(a) = &mut self.autosave else {
            return;
        };
        let focus_lost = a.focused && !focused;
        let focus_gained = !a.focused && focused;
        a.focused = focused;
        // Back in the window: say so if another program wrote the file meanwhile, before a
        // save would be refused for it.
        if focus_gained && self.session.changed_on_disk() {
            let name = self
                .session
                .path()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            self.set_status(format!(
                "{name} changed on disk since it was opened or saved here; saving would be \
                 refused: open it again to see the changes, or save to another file"
            ));
        }
        let Some(a) = &mut self.autosave else {
            return;
        };
        if !modified {
            if a.written.take().is_some()
                && let Err(e) = a.store.clear()
            {
                log::warn!("the recovery file could not be removed: {e}");
            }
            a.dirty_since = None;
            return;
        }
        if a.written == Some(key) {
            return;
        }
        let since = *a.dirty_since.get_or_insert_with(Instant::now);
        let waited = since.elapsed();
        if focus_lost || waited >= AUTOSAVE_INTERVAL {
            self.autosave_now();
        } else {
            ctx.request_repaint_after(AUTOSAVE_INTERVAL - waited);
        }
    }

    /// A clean exit: nothing is left to recover.
    pub fn clean_exit(&mut self) {
        if let Some(a) = &self.autosave
            && let Err(e) = a.store.clear()
        {
            log::warn!("the recovery file could not be removed: {e}");
        }
    }

    /// Draws one frame like [`StrideApp::frame_ui`], but a panic while drawing is caught here:
    /// the document goes to the recovery file first, then the user is told.
    pub fn frame_guarded(&mut self, ui: &mut egui::Ui) {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            if std::mem::take(&mut self.panic_next_frame) {
                panic!("a view failed on purpose");
            }
            self.frame_ui(ui)
        }));
        if let Err(payload) = result {
            // The next frame shows the message.
            ui.ctx().request_repaint();
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "an unknown error".to_owned());
            // Written even if nothing is unsaved: the guard cannot tell what the view broke.
            let kept = match &self.autosave {
                Some(a) => match a.store.write(self.session.document(), self.session.path()) {
                    Ok(()) => format!(
                        "Your document was kept in {} first.",
                        a.store.own_file().display()
                    ),
                    Err(e) => format!("The recovery file could not be written either: {e}."),
                },
                None => "Save your document now.".to_owned(),
            };
            self.show_error(
                format!(
                    "Something went wrong while drawing the window ({what}). {kept} The \
                     document is still open; save it to be safe."
                ),
                Kept::Said,
            );
        }
    }

    /// Makes the next frame's drawing panic, to exercise the guard.
    #[doc(hidden)]
    pub fn panic_next_frame(&mut self) {
        self.panic_next_frame = true;
    }

    /// The recovery file offered at start, if any.
    pub fn recovery_offered(&self) -> Option<&Leftover> {
        self.recovery_offer.as_ref().map(|o| &o.leftover)
    }

    /// The window offering to restore what an earlier session left unsaved.
    pub(super) fn recovery_offer_window(&mut self, ctx: &egui::Context) {
        let Some(offer) = &mut self.recovery_offer else {
            return;
        };
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("recovery_offer")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading("Unsaved changes were found");
            match &offer.leftover.content {
                Ok(r) => {
                    let file = r.original.as_ref().map_or_else(
                        || "a document never saved".to_owned(),
                        |p| p.display().to_string(),
                    );
                    ui.label(format!(
                        "Stride closed without saving changes to {file} (kept at {}).",
                        r.written.format("%a %-d %b %H:%M")
                    ));
                    if let Some(lines) = &offer.compare {
                        ui.separator();
                        if lines.is_empty() {
                            ui.label("They are the same as the saved file.");
                        }
                        for l in lines {
                            ui.label(format!("• {l}"));
                        }
                    }
                    ui.horizontal(|ui| {
                        if ui.button("Restore").clicked() {
                            choice = Some(0);
                        }
                        if ui.button("Compare").clicked() {
                            choice = Some(1);
                        }
                        if ui.button("Discard").clicked() {
                            choice = Some(2);
                        }
                    });
                }
                Err(reason) => {
                    ui.label(format!(
                        "A recovery file was found but cannot be used: {reason}. It is at {}.",
                        offer.leftover.path.display()
                    ));
                    if ui.button("Discard").clicked() {
                        choice = Some(2);
                    }
                }
            }
        });
        match choice {
            Some(0) => self.restore_offer(),
            Some(1) => {
                let lines = offer.leftover.content.as_ref().ok().map(|r| {
                    let saved = r
                        .original
                        .as_ref()
                        .and_then(|p| crate::storage::load_document(p).ok());
                    match saved {
                        Some(saved) => differences(&saved, &r.document),
                        None => vec!["the saved file cannot be read, so all of it is new".into()],
                    }
                });
                offer.compare = lines;
            }
            Some(2) => {
                if let Some(offer) = self.recovery_offer.take()
                    && let Err(e) = remove(&offer.leftover.path)
                {
                    self.show_error(e, Kept::Said);
                }
            }
            _ => {}
        }
    }

    fn restore_offer(&mut self) {
        let Some(offer) = self.recovery_offer.take() else {
            return;
        };
        let Ok(r) = offer.leftover.content else {
            return;
        };
        self.requests.push(Request::OpenRestored {
            document: Box::new(r.document),
            path: r.original,
            leftover: offer.leftover.path,
        });
    }

    /// Makes restored changes the open document, keeps them in this session's own recovery
    /// file, and only then removes the file they came from.
    pub(super) fn open_restored(
        &mut self,
        document: AthleteDocument,
        path: Option<PathBuf>,
        leftover: &Path,
    ) {
        self.replace_session(Session::restored(document, path));
        self.autosave_now();
        if let Err(e) = remove(leftover) {
            self.show_error(e, Kept::Said);
        }
        self.set_status("Restored the unsaved changes; save them to keep them");
    }
}
