#pragma once
// The staff screen, reached from the home screen by five taps on the station name and the
// staff PIN (UpdateOverlay): export the live content to a stick, roll back to the previous
// content, and see the content version and the last import. It draws what the update
// service's events said last and asks for actions through AppState::request.
#include "content/data_dir.h"
#include "kiosk/app_state.h"
#include "kiosk/screen.h"
#include "platform/update_service.h"

#include <string>

namespace kiosk {

class StaffScreen : public Screen {
public:
    static constexpr double kIdleSeconds = 180; // back to the home screen when left alone

    explicit StaffScreen(content::DataDir dataDir);

    ScreenId id() const override { return ScreenId::Staff; }
    void onEnter(AppState& state) override;
    void draw(AppState& state) override;

    // Main thread: every update event (its `info` is what the screen shows; the staff actions'
    // results, Exported, ExportFailed, RolledBack, …, become its message).
    void onEvent(const platform::UpdateEvent& event, double now);

private:
    // The line under the actions, in the warning colour when `isError`.
    void show(std::string message, bool isError);
    // An action's answer has come: its result becomes the line.
    void answered(std::string message, bool isError);
    // Asks the app for an action (export, rollback); the line says 正在处理 until the answer.
    void send(AppState& state, UpdateRequest::Kind kind);
    // 朗读音量 with its 小 / 大 buttons, one target high, ending at `right`; returns its width.
    float drawVolume(AppState& state, float right, float y);
    float volumeWidth(const AppState& state) const;

    content::DataDir m_dataDir;
    platform::UpdateInfo m_info;
    std::string m_message;
    bool m_messageIsError = false;
    bool m_confirmRollback = false;
    bool m_waiting = false; // an action was sent and its answer has not come yet
    double m_lastTouch = 0;
};

} // namespace kiosk
