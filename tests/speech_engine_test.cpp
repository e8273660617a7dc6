#include "platform/speech_engine.h"

#include "tests/support/test_files.h"

#include <catch2/catch.hpp>

#include <SDL.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace platform;
namespace fs = std::filesystem;

namespace {

// SDL's disk audio driver writes what the device would play into a file, in real time.
struct DiskAudio {
    test::TempDir dir{"speech-engine-test"};
    fs::path file = dir.path / "audio.raw";
    DiskAudio()
    {
        setenv("SDL_AUDIODRIVER", "disk", 1);
        setenv("SDL_DISKAUDIOFILE", file.c_str(), 1);
    }
    ~DiskAudio()
    {
        unsetenv("SDL_AUDIODRIVER");
        unsetenv("SDL_DISKAUDIOFILE");
    }
    // Samples louder than a whisper (the device plays mono 16 bit).
    size_t loudSamples() const
    {
        std::ifstream in(file, std::ios::binary);
        size_t loud = 0;
        int16_t sample = 0;
        while (in.read(reinterpret_cast<char*>(&sample), sizeof sample))
            if (std::abs(sample) > 1000) ++loud;
        return loud;
    }
    uintmax_t bytes() const
    {
        std::error_code error;
        const uintmax_t size = fs::file_size(file, error);
        return error ? 0 : size;
    }
};

// Drains the queue until `done` or the timeout; true when done.
template <typename Done>
bool pumpUntil(MainQueue& queue, Done done, std::chrono::milliseconds timeout)
{
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
        queue.drain();
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

} // namespace

TEST_CASE("speech plays to its end through SDL audio and reports finished on the main queue", "[speech_engine]")
{
    DiskAudio disk;
    MainQueue queue;
    int finishedId = 0;
    SpeechEngine engine(queue, [&](int id) { finishedId = id; });
    CHECK_FALSE(engine.ready());
    engine.start();
    REQUIRE(pumpUntil(
        queue, [&] { return engine.ready(); }, std::chrono::seconds(10)));
    const int id = engine.speak({"欢迎您。"});
    CHECK(engine.speaking());
    REQUIRE(pumpUntil(
        queue, [&] { return finishedId != 0; }, std::chrono::seconds(15)));
    CHECK(finishedId == id);
    CHECK_FALSE(engine.speaking());
    INFO(engine.problem());
    CHECK(engine.problem().empty());
    // Three syllables at a slow rate: somewhere between half a second and three seconds of sound.
    const size_t loud = disk.loudSamples();
    CHECK(loud > 22050 / 4);
    CHECK(disk.bytes() / 2 < 22050 * 4);
    REQUIRE(engine.lastFirstSoundMs().has_value());
    CHECK(*engine.lastFirstSoundMs() < 2000);
}

TEST_CASE("stop silences speech at once and no finished comes", "[speech_engine]")
{
    DiskAudio disk;
    MainQueue queue;
    int finished = 0;
    SpeechEngine engine(queue, [&](int) { ++finished; });
    engine.start();
    engine.speak({"社区养老服务站欢迎您。", "今天上午九点有太极拳，下午两点有健康讲座。"});
    REQUIRE(pumpUntil(
        queue, [&] { return disk.bytes() > 22050; }, std::chrono::seconds(10)));
    engine.stop();
    CHECK_FALSE(engine.speaking());
    // The device closes within a buffer or two; the file then stops growing.
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    const uintmax_t afterStop = disk.bytes();
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    queue.drain();
    CHECK(disk.bytes() == afterStop);
    // Far less than the eight seconds the two sentences take.
    CHECK(afterStop / 2 < 22050 * 4);
    CHECK(finished == 0);
}

TEST_CASE("a sound device that cannot open is found at start, before anyone taps 朗读", "[speech_engine]")
{
    DiskAudio disk;
    // The disk driver starts, but its device cannot open a file in a folder that is not there.
    setenv("SDL_DISKAUDIOFILE", (disk.dir.path / "no-such-folder" / "audio.raw").c_str(), 1);
    MainQueue queue;
    SpeechEngine engine(queue, [](int) {});
    engine.start();
    REQUIRE(pumpUntil(
        queue, [&] { return !engine.problem().empty(); }, std::chrono::seconds(10)));
    CHECK(engine.problem().find("声音设备无法打开") != std::string::npos);
    CHECK_FALSE(engine.playsRecordings());
    CHECK_FALSE(engine.speaking());
    CHECK(engine.ready());
}

TEST_CASE("the speech volume is kept in a file and clamped", "[speech_engine]")
{
    const test::TempDir tmp("speech-volume");
    const fs::path file = tmp.path / "volume";
    CHECK(loadSpeechVolume(file) == kSpeechVolumeDefault);
    REQUIRE(saveSpeechVolume(file, 40));
    CHECK(loadSpeechVolume(file) == 40);
    REQUIRE(saveSpeechVolume(file, 400));
    CHECK(loadSpeechVolume(file) == kSpeechVolumeMax);
    std::ofstream(file) << "loud";
    CHECK(loadSpeechVolume(file) == kSpeechVolumeDefault);
}
