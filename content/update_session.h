#pragma once
// The update logic of a running kiosk, without threads: it owns the content::Store and runs
// stick and drop imports, the staff PIN, export to a stick and rollback. Results are codes
// and values (no sentences): the kiosk turns them into words. platform::UpdateService runs one
// of these on its worker thread; tests drive it directly.
#include "content/data_dir.h"
#include "content/date_time.h"
#include "content/importer.h"
#include "content/model.h"
#include "content/package_stage.h"
#include "content/store.h"
#include "content/trust.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace content {

// What the staff screen shows about the store and the last import.
struct UpdateState {
    bool storeOpen = false;
    int64_t contentVersion = 0;
    int64_t signedVersion = 0; // the last signed package applied (0: none)
    bool canRollback = false;
    std::optional<ImportReport> lastImport;
    bool pinSet = true; // a staff PIN exists (kiosk-content set-pin)
};

// A writable place an export may go: a mounted stick's root.
struct ExportTarget {
    fs::path root;
    bool readOnly = false;
};

enum class ExportOutcome {
    Exported,    // `dir` holds the sheets
    StoreClosed, // the store could not be opened
    NoStick,     // no stick is mounted
    ReadOnly,    // every stick is write-protected
    WriteFailed, // full, write-protected or pulled while writing
};
struct ExportResult {
    ExportOutcome outcome = ExportOutcome::NoStick;
    fs::path dir;                 // Exported: where the sheets are
    bool intoSubfolder = false;   // Exported: KIOSK/ existed, so a new KIOSK/导出-… folder holds them
    fs::path stickRoot;           // the stick written to (empty when none was)
    bool createdKioskDir = false; // the export made KIOSK/ itself: its arrival is not an update
};

enum class RollbackOutcome {
    RolledBack, // `version` is the content version now
    NoPrevious, // there was no previous content
    Failed,     // `detail` says why (a StoreError's text)
};
struct RollbackResult {
    RollbackOutcome outcome = RollbackOutcome::NoPrevious;
    int64_t version = 0;
    std::string detail;
};

class UpdateSession {
public:
    explicit UpdateSession(DataDir dir);
    ~UpdateSession();
    UpdateSession(UpdateSession&&) noexcept;
    UpdateSession& operator=(UpdateSession&&) noexcept;

    // Opens (or seeds) the store. False, with the store's reason in `error`, when it cannot be
    // used; every other call then does nothing useful and says so in its result.
    bool open(Date today, std::string& error);
    bool storeOpen() const { return m_store.has_value(); }
    // The live content (nullptr while the store is closed).
    const Content* content() const { return m_store ? &m_store->content() : nullptr; }
    const DataDir& dataDir() const { return m_dir; }

    // A stick's KIOSK/ (or a drop subfolder, with `options.source`), already staged by the
    // caller (see stageForImport), is checked and applied. An unsigned stick package that would
    // import comes back NeedsPin and is kept, exactly as staged and shown, for approvePending().
    ImportReport importStaged(const fs::path& package, StageResult stage, const ImportOptions& options);
    // Stages and imports in one call (drop folders, tests).
    ImportReport importPackage(const fs::path& package, const ImportOptions& options);

    // Whether a NeedsPin package waits, and which folder it came from.
    bool hasPending() const { return m_pending != nullptr; }
    fs::path pendingPackage() const;
    // Applies the kept NeedsPin package exactly as it was staged and shown, however the stick
    // changed since. Rejected (with a reason) when nothing is pending.
    ImportReport approvePending(LocalDateTime now, int second = 0);
    // Forgets the kept package (PIN cancelled, stick pulled).
    void dropPending();

    // The PIN typed on the screen, with the rate limit of content::checkPin.
    PinCheck checkPin(const std::string& pin, int64_t nowSeconds);

    // Writes the live content as sheets onto the first writable stick among `targets`:
    // a stick without KIOSK/ gets a new KIOSK/ holding them (ready to edit and plug back in); a
    // stick that has KIOSK/ keeps every file there and the sheets go into a new
    // KIOSK/导出-YYYYMMDD-HHMM/ folder, which an import ignores.
    ExportResult exportTo(const std::vector<ExportTarget>& targets, LocalDateTime now);

    // Switches back to the previous content.
    RollbackResult rollback();

    // Re-reads what may have changed behind our back (a PIN set on the console, last-import.json).
    UpdateState state() const;

private:
    DataDir m_dir;
    std::optional<Store> m_store;
    struct Pending;
    std::unique_ptr<Pending> m_pending;
};

// KIOSK/import-report.txt beside a stick package. The path written, or empty when the stick
// could not be written (read-only, full, pulled): staff then read the result on screen only.
fs::path writeStickReport(const fs::path& kioskDir, const ImportReport& report);

} // namespace content
