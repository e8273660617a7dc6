#pragma once
// The on-screen side of content updates: a full-width, large-type panel for 正在读取U盘…, the
// result of an import (what changed, or why nothing did, with the first problems as
// file:row:column lines), the staff PIN pad, and the hidden way into the staff screen.
//
// Wiring (see UpdateUi below): the UpdateService listener calls UpdateUi::handle on the main
// thread; UpdateUi passes new content to the app and the event to the overlay and staff screen.
#include "content/data_dir.h"
#include "kiosk/app.h"
#include "kiosk/widgets/pin_pad.h"
#include "platform/update_service.h"

#include <deque>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

class StaffScreen;

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

    UpdateOverlay(platform::UpdateService& service, content::DataDir dataDir);

    // Main thread, from the service listener. `now` is monotonicSeconds().
    void onEvent(const platform::UpdateEvent& event, double now);
    // Opens the PIN pad for the staff screen (the secret taps do this too).
    void requestStaffAccess(double now);

    bool visible(const AppState& state) const override;
    bool modal(const AppState& state) const override;
    void draw(AppState& state) override;

    enum class Mode { Hidden, Reading, Applied, Rejected, Notice, Pin };
    Mode mode() const { return m_mode; }
    // The panel's text lines as shown (title first), for tests and the glyph set.
    std::vector<std::string> lines() const;

    // Every fixed string this overlay, the PIN pad and the staff screen draw.
    static void addGlyphs(std::set<char32_t>& glyphs);
    // The text an event will put on screen (summaries, problems, paths), for the glyph set.
    static std::string eventText(const platform::UpdateEvent& event);

private:
    void show(Mode mode, double now, double seconds);
    void hide();
    void watchSecretTaps(AppState& state);
    void drawPanel(AppState& state);
    void drawPin(AppState& state);

    platform::UpdateService& m_service;
    content::DataDir m_dataDir;
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

// The glue the app needs: owns the overlay, registers it and the staff screen with the app,
// and routes service events. Construct after the App and the UpdateService.
class UpdateUi {
public:
    // `addGlyphText` gets all the text the update UI may draw now (its fixed strings, and after
    // each event those plus the last few events' summaries, problems and paths), replacing what
    // it gave before, so the app can bake those characters into the font atlas; it may be empty
    // when the app bakes them some other way.
    using GlyphSink = std::function<void(std::string_view)>;
    UpdateUi(App& app, platform::UpdateService& service, content::DataDir dataDir, GlyphSink addGlyphText = {});
    // The UpdateService listener (main thread).
    void handle(const platform::UpdateEvent& event);
    UpdateOverlay& overlay() { return m_overlay; }

private:
    App& m_app;
    GlyphSink m_addGlyphText;
    static constexpr std::size_t kRecentEvents = 4;
    std::string m_fixedText;              // every fixed string the update UI draws
    std::deque<std::string> m_recentText; // eventText of the last kRecentEvents events
    UpdateOverlay m_overlay;
    StaffScreen* m_staff = nullptr; // owned by the app
};

} // namespace kiosk
