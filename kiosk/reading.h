#pragma once
// What one 朗读 button reads: text to synthesise and recordings (录音) to play, in order. A
// guide page, a notice or a lecture with a recording is read by playing it instead of its text.
#include <string>
#include <utility>
#include <vector>

namespace kiosk {

struct Reading {
    struct Part {
        std::string text;      // as shown; the app normalises it for the engine…
        std::string recording; // …or a file name in Content::recordings, played instead (the text
                               // is then only spoken should the recording be unavailable)
    };
    std::vector<Part> parts;

    Reading() = default;
    // Only text, the way most buttons read.
    Reading(std::string text) // NOLINT(google-explicit-constructor): screens return plain text
    {
        add(std::move(text));
    }
    void add(std::string text)
    {
        if (text.empty()) return;
        // Consecutive text is one part, so the engine sees sentences in one run.
        if (!parts.empty() && parts.back().recording.empty())
            parts.back().text += text;
        else
            parts.push_back({std::move(text), {}});
    }
    // A recording, with the text it stands for.
    void addRecording(std::string name, std::string text = {}) { parts.push_back({std::move(text), std::move(name)}); }
    bool hasRecording() const
    {
        for (const Part& part : parts) {
            if (!part.recording.empty()) return true;
        }
        return false;
    }
    // All of the text that is synthesised (parts played as recordings left out).
    std::string text() const
    {
        std::string all;
        for (const Part& part : parts) {
            if (part.recording.empty()) all += part.text;
        }
        return all;
    }
};

} // namespace kiosk
