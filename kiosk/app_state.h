#pragma once
// What a screen may read while drawing, and the few requests it may make back to the app.
#include "content/date_time.h"
#include "kiosk/idle_policy.h"
#include "kiosk/reading.h"
#include "kiosk/screen.h"
#include "kiosk/snapshot.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

class Ui;
struct Theme;
class Fonts;

// What the update UI asks for while drawing (it never calls the update service itself); the
// app hands these on after the frame.
struct UpdateRequest {
    enum class Kind {
        SubmitPin,     // check `pin` (for the staff menu when `staffMenu`, else the pending import)
        CancelPending, // staff gave up on the PIN for a pending import
        Export,        // write the live content onto the stick
        Rollback,      // switch back to the previous content
    };
    Kind kind = Kind::SubmitPin;
    std::string pin;
    bool staffMenu = false;
};

struct AppState {
    const Theme* theme = nullptr;
    Ui* ui = nullptr; // valid while drawing
    std::shared_ptr<const Snapshot> snapshot;
    content::LocalDateTime now; // the station's local time
    int second = 0;             // seconds into the minute
    double time = 0;            // monotonic seconds, for animations and timers
    bool largeText = false;
    ScreenId screen = ScreenId::Home;
    IdleStatus idle;
    // The whole window, and where screens may draw (below an overlay's banner, say).
    float width = 0, height = 0;

    // Requests, applied by the app after the frame.
    std::optional<ScreenId> pendingScreen;
    bool pendingLargeTextToggle = false;
    // Read-aloud. The 朗读 button speaking now is the one whose key this is ("" when silent);
    // speechAllowed is false at night and when the engine is unavailable; recordingsAllowed
    // stays true by day while the sound device works without a voice (录音 still play).
    std::string speakingKey;
    bool speechAllowed = false;
    bool recordingsAllowed = false;
    int speechVolume = 0; // percent, shown on the staff screen
    struct SpeechRequest {
        std::string key; // which button asked ("guide:3")
        Reading reading; // text as shown (the app normalises it) and recordings
    };
    std::optional<SpeechRequest> pendingSpeech;
    bool pendingSpeechStop = false;
    int pendingVolumeSteps = 0; // +1 louder, -1 softer

    std::vector<UpdateRequest> requests;
    // The earliest monotonic time a screen wants to be redrawn without input (0: none).
    double wakeAt = 0;

    void go(ScreenId id) { pendingScreen = id; }
    void toggleLargeText() { pendingLargeTextToggle = true; }
    void speak(std::string key, Reading reading) { pendingSpeech = SpeechRequest{std::move(key), std::move(reading)}; }
    void stopSpeech() { pendingSpeechStop = true; }
    bool hasSpeechRequest() const { return pendingSpeech || pendingSpeechStop || pendingVolumeSteps != 0; }
    void request(UpdateRequest r) { requests.push_back(std::move(r)); }
    void wakeAtTime(double t)
    {
        if (wakeAt == 0 || t < wakeAt) wakeAt = t;
    }
    const Snapshot& view() const { return *snapshot; }
};

} // namespace kiosk
