#pragma once
// The 朗读 button: a speaker icon and the word, reading 停止 while its text is being spoken.
// A tap asks the app (AppState::speak / stopSpeech) and the app carries it out after the frame.
#include "kiosk/app_state.h"

#include "imgui.h"

#include <functional>
#include <string>
#include <string_view>

namespace kiosk {

// The width the button wants at its height (icon, gap, the longer of 朗读/停止).
float speakButtonWidth(const AppState& state, float height);

// Draws the button in [min, max]. `key` names what it reads ("guide:3"); `text` is built only
// when tapped. Draws nothing when speech is not allowed now (night, no sound device) and it
// is not speaking; returns whether it drew.
bool speakButton(AppState& state, ImVec2 min, ImVec2 max, const std::string& key, const std::function<Reading()>& text);

// Stops the speech when what speaks now is one of the buttons whose keys start with `prefix`
// ("guide:"): turning a page or a day must not go on reading the old one.
void stopSpeechOf(AppState& state, std::string_view prefix);

} // namespace kiosk
