#pragma once
// Every bound on what a package (a stick, a drop folder, `kiosk-content check`) can make us read,
// keep or write, in one place. A station's real content is a few hundred rows of short text;
// these sit far above that and far below what would hurt a kiosk with 1–2 GB of memory.
// Together they keep `check` under 200 MB and the kiosk under 300 MB for any package, however
// hostile (figures: bench/README.md, "Hostile packages"). tests/limits_test.cpp tests each.
#include <cstddef>
#include <cstdint>

namespace content::limits {

// ---- staging (package_stage.cpp): bytes read from the medium -------------------------------
// One sheet is at most a few hundred KB even with a year of daily rows.
inline constexpr uint64_t kMaxSheetBytes = 5ull * 1024 * 1024;
// All files of a package together, and content.db alone.
inline constexpr uint64_t kMaxPackageBytes = 50ull * 1024 * 1024;
// Top-level files copied; a package is seven sheets plus a manifest, a signature and recordings.
inline constexpr int kMaxFiles = 64;

// ---- recordings (recording.cpp, package_stage.cpp): the 录音 files a package carries ----------
// One recording: a 10-minute talk as mp3 is about 10 MB, as 16 kHz mono wav about 19 MB.
inline constexpr uint64_t kMaxRecordingBytes = 20ull * 1024 * 1024;
// All recording files of a package together (apart from kMaxPackageBytes, which bounds the
// sheets and content.db); the store keeps them, twice with the previous version kept.
inline constexpr uint64_t kMaxRecordingsBytes = 100ull * 1024 * 1024;
// Distinct recordings the sheets of one package may name.
inline constexpr int kMaxRecordings = 40;
// Longest recording: a talk, not a radio programme.
inline constexpr int64_t kMaxRecordingMs = 10ll * 60 * 1000;
// Frames decoded at a time while a recording is checked (never the whole file as PCM).
inline constexpr size_t kRecordingChunkFrames = 4096;
// Sample rates and channel counts a recording may have.
inline constexpr int kMinRecordingRate = 8000;
inline constexpr int kMaxRecordingRate = 192000;
inline constexpr int kMaxRecordingChannels = 8;

// ---- sheets (csv_reader.cpp, sheet_table.cpp) ------------------------------------------------
// Columns kept per record; a station's widest sheet has nine.
inline constexpr size_t kMaxColumns = 1000;
// Records per sheet (and rows per content.db table): 50,000 is a decade of daily activities.
inline constexpr int kMaxRecords = 50000;
// Rows of all sheets (or tables) of one package together: memory follows the rows read (about
// 0.5 KB each through validation and the new store), and seven sheets at kMaxRecords would take
// a kiosk past its 300 MB. Reading stops at the first sheet that takes the package past this.
inline constexpr int kMaxPackageRows = 60000;
// Cells kept per sheet or table: bounds the per-cell overhead (~32 bytes each) to ~13 MB.
inline constexpr size_t kMaxCells = 400000;
// Characters per cell: a title, name, place or time is one line on the screen…
inline constexpr size_t kMaxShortCellChars = 200;
// …and a notice's body, a description or a guide page's paragraph a few screens at most.
inline constexpr size_t kMaxLongCellChars = 4000;

// ---- content.db (store.cpp, sqlite_db.cpp) -----------------------------------------------------
// Bytes of cell text read from an untrusted content.db in all: what 50 MB of sheets could hold.
inline constexpr size_t kMaxDatabaseTextBytes = 50ull * 1024 * 1024;
// Largest row (and so value) sqlite will hand us (SQLITE_LIMIT_LENGTH bounds a whole record):
// nine long cells in UTF-8 with room to spare.
inline constexpr int kMaxDatabaseRowBytes = 1000000;
// Reading a hostile content.db stops after this long, whatever it is doing (progress handler).
inline constexpr int kDatabaseBudgetMs = 10000;

// ---- problems (problem.h) ------------------------------------------------------------------------
// Problems kept of one check or import; the rest are counted ("还有 N 个问题没有列出"). Staff
// fix the first ones anyway, and a file with a bad cell in every row must not grow the list
// (or import-report.txt, last-import.json, the overlay) without bound.
inline constexpr size_t kMaxProblemsKept = 200;
// Bytes per kept problem's file name, column name and message; longer ones are cut with "…".
inline constexpr size_t kMaxProblemFileBytes = 256;
inline constexpr size_t kMaxProblemColumnBytes = 128;
inline constexpr size_t kMaxProblemMessageBytes = 1024;

// ---- manifest and signatures (manifest.cpp, trust.cpp) -------------------------------------------
// A real manifest is a few hundred bytes.
inline constexpr size_t kMaxManifestBytes = 1024 * 1024;
inline constexpr int kMaxManifestNesting = 32;
// A minisign .pub or secret key file is two lines.
inline constexpr size_t kMaxKeyFileBytes = 64 * 1024;
// minisign's own bound on the trusted comment line.
inline constexpr size_t kMaxTrustedCommentBytes = 8192;

// ---- what we write back --------------------------------------------------------------------------
// last-import.json read back (written: at most kMaxProblemsKept problems of bounded size).
inline constexpr size_t kMaxLastImportBytes = 4 * 1024 * 1024;

} // namespace content::limits
