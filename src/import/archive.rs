//! Zip archives read file by file ([`super::packed`] says which members and how Strava's
//! `activities.csv` links to them): a [`Plan`] lists the files that paths stand for, each a
//! [`Unit`] that a [`Reader`] reads on its own, so that the files of one archive, like those
//! of a folder, can be read on every core.

use std::collections::HashMap;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use super::file::Decoded;
use super::packed::{Packing, gunzip, inner_name, packing, read_limited};
use super::strava::{self, Row};
use super::{ImportError, MAX_FILE_BYTES, Recorded, kind_for_sport};

/// The extensions of recordings inside an archive, before any `.gz`.
const RECORDINGS: [&str; 3] = ["fit", "gpx", "tcx"];

/// How many files `path`, a zip archive, stands for: its recordings and its
/// `activities.csv`.
///
/// # Errors
/// Why the archive cannot be opened.
pub(super) fn count_files(path: &Path) -> Result<usize, ImportError> {
    let zip = open_zip(path)?;
    let listing = Listing::of(path, &zip);
    Ok(listing.recordings.len() + usize::from(listing.csv.is_some()))
}

/// The error of a zip archive or member that cannot be read.
fn zip_error(e: zip::result::ZipError) -> ImportError {
    use zip::result::ZipError;
    let reason = match e {
        ZipError::Io(source) => return ImportError::Io { source },
        ZipError::UnsupportedArchive(what) if what == ZipError::PASSWORD_REQUIRED => {
            "the file is encrypted; Stride reads zip archives without a password: unpack it \
             and import the files"
                .to_owned()
        }
        ZipError::CompressionMethodNotSupported(method) => format!(
            "the file is compressed with method {method}, which Stride does not read (it reads \
             stored and deflated files, what Strava writes); unpack it and import the files"
        ),
        other => format!(
            "the zip archive is damaged or not one Stride reads ({other}); download it again"
        ),
    };
    ImportError::Archive { reason }
}

/// An open zip archive.
type Zip = zip::ZipArchive<BufReader<File>>;

fn open_zip(path: &Path) -> Result<Zip, ImportError> {
    let file = File::open(path)?;
    zip::ZipArchive::new(BufReader::new(file)).map_err(zip_error)
}

/// Whether a member's name is that of a recording, `.gz` or not.
fn is_recording(name: &str) -> bool {
    let path = Path::new(name);
    let path = inner_name(path);
    RECORDINGS.contains(&super::extension(&path).as_str())
}

/// The files that paths stand for, each to be read on its own, in any order and on any
/// thread: a plain or gzip-compressed file, each recording of a zip archive, and the rows of
/// Strava's `activities.csv` whose recording is not in its archive. [`Plan::units`] lists
/// them in the order [`super::read_each`] hands them on.
pub(crate) struct Plan {
    /// The files, in order.
    pub units: Vec<Unit>,
    /// The archives the units are in.
    archives: Vec<Listing>,
}

/// One file of a [`Plan`].
#[derive(Clone, Debug)]
pub(crate) enum Unit {
    /// A file read whole: plain, gzip-compressed, or an archive that could not be opened
    /// (reading it says why).
    File(PathBuf),
    /// The `recording`th recording of the `archive`th archive.
    Member {
        /// The archive, in [`Plan::archives`].
        archive: usize,
        /// The recording, in the archive's [`Listing::recordings`].
        recording: usize,
    },
    /// The rows of the `archive`th archive's `activities.csv` that link to no recording in it.
    Rows {
        /// The archive, in [`Plan::archives`].
        archive: usize,
    },
}

impl Plan {
    /// The files of `files`, archives opened to list their members.
    pub(crate) fn new(files: &[PathBuf]) -> Plan {
        let mut plan = Plan {
            units: Vec::with_capacity(files.len()),
            archives: Vec::new(),
        };
        for path in files {
            if packing(path) != Packing::Zip {
                plan.units.push(Unit::File(path.clone()));
                continue;
            }
            let Ok(mut zip) = open_zip(path) else {
                plan.units.push(Unit::File(path.clone()));
                continue;
            };
            let mut listing = Listing::of(path, &zip);
            listing.link(&mut zip);
            let archive = plan.archives.len();
            plan.units.extend(listing.units(archive));
            plan.archives.push(listing);
        }
        plan
    }
}

/// Reads the files of a [`Plan`], one reader to a thread: it keeps each archive open once it
/// has read from it.
pub(crate) struct Reader<'p> {
    plan: &'p Plan,
    open: HashMap<usize, Zip>,
}

impl<'p> Reader<'p> {
    pub(crate) fn new(plan: &'p Plan) -> Self {
        Reader {
            plan,
            open: HashMap::new(),
        }
    }

    /// What `unit` holds: one file, or every file of an archive that could not be opened when
    /// the plan was made but can now.
    pub(crate) fn read(&mut self, unit: &Unit) -> Vec<Decoded> {
        let (archive, listing) = match unit {
            Unit::File(path) => return read_whole(path),
            Unit::Member { archive, .. } | Unit::Rows { archive } => {
                match self.plan.archives.get(*archive) {
                    Some(listing) => (*archive, listing),
                    None => return Vec::new(),
                }
            }
        };
        let zip = match self.open.entry(archive) {
            std::collections::hash_map::Entry::Occupied(open) => open.into_mut(),
            std::collections::hash_map::Entry::Vacant(entry) => match open_zip(&listing.path) {
                Ok(zip) => entry.insert(zip),
                Err(e) => {
                    let path = match unit {
                        Unit::Member { recording, .. } => listing.member_path(*recording),
                        _ => listing.csv_path(),
                    };
                    return vec![Decoded::activities(path, Err(e))];
                }
            },
        };
        match unit {
            Unit::Member { recording, .. } => vec![listing.read_member(zip, *recording)],
            _ => vec![listing.read_rows(zip)],
        }
    }
}

/// A file read whole ([`Unit::File`]).
fn read_whole(path: &Path) -> Vec<Decoded> {
    match packing(path) {
        Packing::Plain => vec![super::file::read_plain(path)],
        Packing::Gzip => vec![Decoded::activities(path.to_owned(), super::read_file(path))],
        Packing::Zip => match open_zip(path) {
            Err(e) => vec![Decoded::activities(path.to_owned(), Err(e))],
            Ok(mut zip) => {
                let mut listing = Listing::of(path, &zip);
                listing.link(&mut zip);
                let mut reads: Vec<Decoded> = (0..listing.recordings.len())
                    .map(|k| listing.read_member(&mut zip, k))
                    .collect();
                if listing.csv.is_some() {
                    reads.push(listing.read_rows(&mut zip));
                }
                reads
            }
        },
    }
}

/// What a zip archive holds: the members to read and Strava's `activities.csv`, if any, with
/// its rows and the row of each recording.
struct Listing {
    /// The archive.
    path: PathBuf,
    /// The recordings to read: index and name, in name order.
    recordings: Vec<(usize, String)>,
    /// The index and name of `activities.csv`.
    csv: Option<(usize, String)>,
    /// Strava's rows, when they could be read.
    rows: Option<Vec<Row>>,
    /// For each recording, the row that links to it.
    linked: Vec<Option<usize>>,
}

impl Listing {
    /// The recordings and `activities.csv` of `zip`, the archive at `path` (its rows not yet
    /// read).
    fn of(path: &Path, zip: &Zip) -> Listing {
        // A name that is not UTF-8 names nothing Stride reads.
        let names: Vec<(usize, String)> = (0..zip.len())
            .filter_map(|i| Some((i, zip.name_for_index(i)?.ok()?.into_owned())))
            .collect();
        // Strava's activities.csv: the one nearest the top, the folder of its export.
        let csv = names
            .iter()
            .filter(|(_, n)| {
                let file = n.rsplit('/').next().unwrap_or(n);
                file.eq_ignore_ascii_case("activities.csv")
            })
            .min_by_key(|(_, n)| (n.matches('/').count(), n.clone()))
            .cloned();
        let folder = csv
            .as_ref()
            .map(|(_, n)| format!("{}activities/", &n[..n.len() - "activities.csv".len()]));
        let mut recordings: Vec<(usize, String)> = names
            .into_iter()
            .filter(|(_, n)| !n.ends_with('/') && is_recording(n))
            .filter(|(_, n)| {
                folder
                    .as_ref()
                    .is_none_or(|f| n.to_ascii_lowercase().starts_with(&f.to_ascii_lowercase()))
            })
            .collect();
        recordings.sort_by(|a, b| a.1.cmp(&b.1));
        Listing {
            path: path.to_owned(),
            recordings,
            csv,
            rows: None,
            linked: Vec::new(),
        }
    }

    /// Reads Strava's rows, if the archive has them, and links each recording to its row.
    fn link(&mut self, zip: &mut Zip) {
        self.rows = self.csv_rows(zip).and_then(Result::ok);
        let Some(rows) = &self.rows else {
            return;
        };
        // Rows by the member their recording is, relative to the archive's top.
        let folder = self.csv.as_ref().map_or_else(String::new, |(_, n)| {
            n[..n.len() - "activities.csv".len()].to_owned()
        });
        let mut by_member: HashMap<String, usize> = HashMap::new();
        for (i, row) in rows.iter().enumerate() {
            if let Some(file) = &row.file {
                by_member.insert(format!("{folder}{file}"), i);
            }
        }
        self.linked = self
            .recordings
            .iter()
            .map(|(_, name)| by_member.get(name).copied())
            .collect();
    }

    /// The files of the archive, the `archive`th of a plan.
    fn units(&self, archive: usize) -> impl Iterator<Item = Unit> + use<> {
        let rows = self.csv.is_some().then_some(Unit::Rows { archive });
        (0..self.recordings.len())
            .map(move |recording| Unit::Member { archive, recording })
            .chain(rows)
    }

    fn member_path(&self, recording: usize) -> PathBuf {
        let name = self
            .recordings
            .get(recording)
            .map_or("", |(_, n)| n.as_str());
        self.path.join(name)
    }

    fn csv_path(&self) -> PathBuf {
        let name = self
            .csv
            .as_ref()
            .map_or("activities.csv", |(_, n)| n.as_str());
        self.path.join(name)
    }

    /// Strava's rows, or why they cannot be read; `None` without `activities.csv`.
    fn csv_rows(&self, zip: &mut Zip) -> Option<Result<Vec<Row>, ImportError>> {
        let (index, name) = self.csv.as_ref()?;
        Some(member_bytes(zip, *index, name).and_then(|bytes| strava::rows(&bytes)))
    }

    /// The `recording`th recording, linked to its row.
    fn read_member(&self, zip: &mut Zip, recording: usize) -> Decoded {
        let path = self.member_path(recording);
        let Some((index, name)) = self.recordings.get(recording) else {
            return Decoded::activities(path, Ok(Vec::new()));
        };
        let file_name = Path::new(name)
            .file_name()
            .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned());
        let row = self
            .linked
            .get(recording)
            .copied()
            .flatten()
            .and_then(|i| self.rows.as_ref()?.get(i));
        let activities = member_bytes(zip, *index, name).and_then(|bytes| {
            let mut recorded = super::read_recorded(&bytes, &inner_name(Path::new(name)))?;
            if let Some(row) = row {
                link(&mut recorded, row);
            }
            Ok(recorded
                .into_iter()
                .map(|mut r| {
                    r.activity.source_file = Some(file_name.clone());
                    r.activity
                })
                .collect())
        });
        Decoded::activities(path, activities)
    }

    /// The rows whose recording is not in the archive, as activities of `activities.csv`.
    fn read_rows(&self, zip: &mut Zip) -> Decoded {
        let rows = match &self.rows {
            Some(rows) => Ok(rows.clone()),
            // Unreadable when the plan was made: read again, for the reason.
            None => self.csv_rows(zip).unwrap_or_else(|| Ok(Vec::new())),
        };
        let mut used = vec![false; rows.as_ref().map_or(0, Vec::len)];
        for i in self.linked.iter().flatten() {
            if let Some(u) = used.get_mut(*i) {
                *u = true;
            }
        }
        let activities = rows.map(|rows| {
            rows.into_iter()
                .zip(used)
                .filter(|(_, used)| !used)
                .map(|(row, _)| {
                    let mut activity = row.activity;
                    activity.source_file = Some("activities.csv".to_owned());
                    activity
                })
                .collect()
        });
        Decoded::activities(self.csv_path(), activities)
    }
}

/// A member's bytes, inflated (twice for a `.gz` member), within the size limit.
fn member_bytes(zip: &mut Zip, index: usize, name: &str) -> Result<Vec<u8>, ImportError> {
    let member = zip.by_index(index).map_err(zip_error)?;
    let declared = member.size();
    let bytes = match read_limited(member, Some(declared), MAX_FILE_BYTES) {
        Err(ImportError::Io { source }) => {
            return Err(ImportError::Archive {
                reason: format!(
                    "the file's compressed data in the archive is damaged ({source}); \
                     download the archive again"
                ),
            });
        }
        other => other?,
    };
    if packing(Path::new(name)) == Packing::Gzip {
        return gunzip(bytes.as_slice());
    }
    Ok(bytes)
}

/// Gives recorded activities what their row in Strava's `activities.csv` says: its name, and
/// its type when the recording names no sport.
fn link(recorded: &mut [Recorded], row: &Row) {
    for r in recorded {
        let name = row.activity.notes.trim();
        if !name.is_empty() {
            r.activity.notes = name.to_owned();
        }
        if !r.sport_named
            && let Some(sport) = &row.sport
        {
            let a = &r.activity;
            r.activity.kind = kind_for_sport(Some(sport), a.moving_s.unwrap_or(a.duration_s));
        }
    }
}
