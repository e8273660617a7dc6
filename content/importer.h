#pragma once
// Applying a package, exactly the same way from the kiosk and from `kiosk-content import`:
// stage a private copy → verify trust → read sheets → validate → build store → switch.
#include "content/data_dir.h"
#include "content/model.h"
#include "content/package_stage.h"
#include "content/problem.h"
#include "content/store.h"

#include <array>
#include <atomic>
#include <optional>
#include <string>

namespace content {

enum class PackageSource {
    Usb,     // KIOSK/ on a stick: signed applies, unsigned needs the staff PIN
    Drop,    // a subfolder of the drop dir: signed only (unless allowUnsigned)
    Console, // kiosk-content import: signed only unless --allow-unsigned
};

struct ImportOptions {
    PackageSource source = PackageSource::Console;
    bool allowUnsigned = false; // the operator or a PIN-holder vouches for an unsigned package
    LocalDateTime now{};        // the station's clock; unset: the system clock
    int second = 0;             // seconds past `now`'s minute, so that the report's time is exact
    // Drop: whether the folder has been quiet long enough to hold the whole package. Until then a
    // package whose signature or manifest is missing or does not verify may still be arriving
    // (a sync tool brings files one by one): it waits instead of being refused.
    bool dropSettled = true;
    // Set from another thread to abandon the import (stick pulled, app ending).
    const std::atomic<bool>* cancel = nullptr;
};

enum class ImportOutcome {
    Applied,   // the store switched to the new content
    Rejected,  // problems; the store is unchanged
    Waiting,   // a drop package whose listed files are not all there yet; try again later
    NeedsPin,  // an unsigned stick package: ask staff for the PIN, then retry with allowUnsigned
    Unchanged, // a drop package whose version was applied or rejected already
};

struct ImportReport {
    ImportOutcome outcome = ImportOutcome::Rejected;
    Problems problems;
    std::string source;  // the package path as given
    std::string time;    // when it was tried, with the UTC offset: 2026-06-03T09:00:47+08:00
    int64_t version = 0; // the applied (or offered) content version
    bool isSigned = false;
    // Refused because a signed package was not newer than the last signed one applied: final,
    // since that version only ever rises.
    bool notNewer = false;
    // Rows per sheet the package brought; -1 for a sheet it did not hold.
    std::array<int, kSheetKindCount> rows{-1, -1, -1, -1, -1, -1, -1};
    // Rows the kiosk had of each kind the package brings (-1 for the others): a sheet that
    // brings 0 rows of a kind that had some empties it, and staff are told so.
    std::array<int, kSheetKindCount> previousRows{-1, -1, -1, -1, -1, -1, -1};

    bool ok() const { return outcome == ImportOutcome::Applied; }
    // 已更新：活动 42 条、菜单 21 条 … / 未更新：发现 3 个问题 …
    std::string summary() const;
    // The text for KIOSK/import-report.txt: UTF-8 with BOM, CRLF line ends.
    std::string reportFileText() const;
};

// 活动 42 条、菜单 0 条（原有 21 条将被清空）: the rows per sheet a package brings, in SPEC
// order; a sheet of 0 rows where the kiosk had some says so (`applied`: 已清空, else 将被清空).
// `previousRows` of -1 (unknown, as in `check` without a data dir) adds nothing.
std::string rowCountsText(const std::array<int, kSheetKindCount>& rows,
                          const std::array<int, kSheetKindCount>& previousRows, bool applied);

// Step (1) of an import on its own: the private copy everything after it reads. Apart so that
// a caller can run it on a thread of its own with a deadline (a failing stick can block read()).
struct StageResult {
    StageStatus status = StageStatus::Rejected;
    StagedPackage staged;
    Problems problems;
};
StageResult stageForImport(const DataDir& dir, const fs::path& package, const std::atomic<bool>* cancel);

// An unsigned stick package that passed every check and waits for the staff PIN: the staged
// copy and what was read from it, so that what is applied is exactly what staff were shown.
struct PreparedImport {
    StagedPackage staged;
    ContentUpdate update;
    ImportReport report; // NeedsPin, with the rows staff saw
};

// Runs the whole import against the store in `store` (which is switched on success).
// Never throws for anything a package can contain.
ImportReport importPackage(Store& store, const DataDir& dir, const fs::path& package, const ImportOptions& options);
// The same after step (1), from a copy staged by stageForImport. A NeedsPin package is moved
// into `keep` when given.
ImportReport importStaged(Store& store, const DataDir& dir, const fs::path& package, StageResult stage,
                          const ImportOptions& options, std::optional<PreparedImport>* keep = nullptr);
// Applies a kept NeedsPin package (the PIN was right), without reading the stick again.
ImportReport applyPrepared(Store& store, const DataDir& dir, PreparedImport& prepared, LocalDateTime now,
                           int second = 0);
// The time an import report names: `now` and `second` with the zone's offset, or the system
// clock when `now` is unset.
std::string importTime(LocalDateTime now, int second);

// The last import's result as kept in DATA_DIR/last-import.json (for info and status.json).
std::optional<ImportReport> loadLastImport(const DataDir& dir);
void saveLastImport(const DataDir& dir, const ImportReport& report);

} // namespace content
