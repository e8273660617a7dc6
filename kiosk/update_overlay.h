#pragma once
// The on-screen side of content updates: a full-width, large-type panel for 正在读取U盘…, the
// result of an import (what changed, or why nothing did, with the first problems as
// file:row:column lines), the staff PIN pad, and the hidden way into the staff screen.
//
// It learns what happens from the update service's events (UpdateUi routes them here) and
// asks for things (check a PIN, forget the pending package) through AppState::request; it
// never calls the service.
#include "content/data_dir.h"
#include "kiosk/overlay.h"
#include "kiosk/widgets/pin_pad.h"
#include "platform/update_service.h"

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk {

class UpdateOverlay : public Overlay {
public:
    // Staff reach the staff screen by tapping the station name (the top-left of the home screen)
    // this many times within kSecretWindow seconds, then entering the PIN.
    static constexpr int kSecretTaps = 5;
    static constexpr double kSecretWindow = 4.0;
    static constexpr double kAppliedSeconds = 15;  // the summary after a good import
    static constexpr double kRejectedSeconds = 90; // why an import failed (staff read it)
    static constexpr double kNoticeSeconds = 8;    // short notes (stick pulled, cancelled)
    static constexpr double kPinIdleSeconds = 90;  // an untouched PIN pad gives up
    static constexpr int kProblemLines = 5;        // problems listed on screen; the rest in the report

    explicit UpdateOverlay(content::DataDir dataDir);

    // Main thread, from the service listener. `now` is monotonicSeconds().
    void onEvent(const platform::UpdateEvent& event, double now);
    // Opens the PIN pad for the staff screen (the secret taps do this too).
    void requestStaffAccess(double now);

    bool visible(const AppState& state) const override;
    bool modal(const AppState& state) const override;
    void draw(AppState& state) override;

    enum class Mode { Hidden, Reading, Applied, Rejected, Notice, Pin };
    Mode mode() const { return m_mode; }
    // The panel's text lines as shown (title first), for tests.
    std::vector<std::string> lines() const;

private:
    void show(Mode mode, double now, double seconds);
    void hide();
    void watchSecretTaps(AppState& state);
    void drawPanel(AppState& state);
    void drawPin(AppState& state);

    content::DataDir m_dataDir;
    bool m_pinSet = true; // from the last event's info
    Mode m_mode = Mode::Hidden;
    double m_shownAt = 0;
    double m_hideAt = 0; // 0: stays until dismissed
    double m_lastKeyAt = 0;

    // The panel's words.
    std::string m_title;
    std::vector<std::string> m_body;     // paragraphs
    std::vector<std::string> m_problems; // file:row:column: message
    std::string m_footnote;
    bool m_titleIsError = false;
    std::filesystem::path m_package; // what the panel is about (hidden when that stick goes)

    // PIN entry.
    PinPad m_pad;
    platform::PinPurpose m_pinPurpose = platform::PinPurpose::ApproveImport;
    std::string m_pinMessage;
    bool m_pinMessageIsError = false;
    bool m_noPin = false;
    bool m_openStaffScreen = false;

    // The secret taps.
    std::vector<double> m_secretTaps;
};

} // namespace kiosk
