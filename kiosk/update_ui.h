#pragma once
// The glue between the app and the update service: owns the update overlay, registers it and
// the staff screen with the app, routes the service's events to them (on the main thread),
// hands their requests to the service after each frame, and keeps the characters they may
// draw in the app's font atlas.
#include "content/data_dir.h"
#include "kiosk/update_overlay.h"
#include "platform/update_service.h"

#include <cstddef>
#include <deque>
#include <set>

namespace kiosk {

class App;
class StaffScreen;
struct UpdateRequest;

class UpdateUi {
public:
    // Construct after the App and the UpdateService; both must outlive this.
    UpdateUi(App& app, platform::UpdateService& service, content::DataDir dataDir);
    // The UpdateService listener (main thread).
    void handle(const platform::UpdateEvent& event);
    // A screen's or overlay's request, after the frame (main thread).
    void carryOut(const UpdateRequest& request);
    UpdateOverlay& overlay() { return m_overlay; }
    // The characters given to the app's atlas now: the update UI's own ones and those of the
    // last kRecentEvents events (older events' characters leave, so it never grows unbounded).
    const std::set<char32_t>& glyphs() const { return m_glyphs; }

    static constexpr std::size_t kRecentEvents = 4;

private:
    App& m_app;
    platform::UpdateService& m_service;
    std::set<char32_t> m_fixed;
    std::deque<std::set<char32_t>> m_recent;
    std::set<char32_t> m_glyphs;
    UpdateOverlay m_overlay;
    StaffScreen* m_staff = nullptr; // owned by the app
};

} // namespace kiosk
