// kiosk-content say: speak a text exactly as the kiosk would (the same normaliser, readings
// table and voice). The espeak-ng part lives in platform/speech_synth.*, so content/ stays
// free of audio; this tool links that small library (espeak-ng and libsndfile, no SDL).
#include "tool/commands.h"

#include "content/speech_text.h"
#include "platform/speech_synth.h"

#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

namespace tool {

namespace {

struct SayOptions {
    std::string text;
    std::string output;
    std::string dataDir;
    bool explain = false;
};

// stderr pointed at /dev/null; returns the saved descriptor (-1 when nothing was changed).
int silenceStderr()
{
    std::fflush(stderr);
    const int saved = ::dup(STDERR_FILENO);
    const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (saved < 0 || null < 0 || ::dup2(null, STDERR_FILENO) < 0) {
        if (null >= 0) ::close(null);
        if (saved >= 0) ::close(saved);
        return -1;
    }
    ::close(null);
    return saved;
}

void restoreStderr(int saved)
{
    if (saved < 0) return;
    ::dup2(saved, STDERR_FILENO);
    ::close(saved);
}

int runSay(const SayOptions& options)
{
    content::SpeechReadings readings;
    if (!options.dataDir.empty()) {
        content::Problems problems;
        readings.addCsvFile(std::filesystem::path(options.dataDir) / content::kReadingsFileName, problems);
        for (const content::Problem& problem : problems) std::fprintf(stderr, "%s\n", problem.format().c_str());
    }
    const std::string normalised = content::normaliseForSpeech(options.text, readings);
    if (options.explain) {
        // One line, even when the text had line breaks.
        std::string line = normalised;
        for (char& c : line)
            if (c == '\n' || c == '\r') c = ' ';
        std::printf("%s\n", line.c_str());
    }
    if (options.explain && options.output.empty()) return 0;

    platform::SpeechSynth synth;
    std::string error;
    const bool toFile = !options.output.empty();
    if (!synth.open(platform::VoiceParams{}, toFile ? platform::SpeechOutput::Memory : platform::SpeechOutput::Speaker,
                    error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    std::vector<int16_t> samples;
    const platform::SpeechSynth::Sink collect = [&](const int16_t* block, size_t count) {
        samples.insert(samples.end(), block, block + count);
        return true;
    };
    // Without a sound device alsa-lib prints a dozen English lines of its own ("cannot find card
    // '0'"); staff get one Chinese line instead, so its stderr is silenced while it plays.
    const int savedStderr = toFile ? -1 : silenceStderr();
    bool spoken = true;
    for (const std::string& sentence : content::speechSentences(normalised)) {
        if (!synth.synthesise(sentence, collect)) {
            spoken = false;
            break;
        }
    }
    restoreStderr(savedStderr);
    if (!spoken) {
        if (toFile)
            std::fprintf(stderr, "语音合成失败\n");
        else
            std::fprintf(stderr, "无法从扬声器播放（这台电脑没有可用的声音设备？）；要写成文件请用 -o 文件.wav\n");
        return 1;
    }
    if (toFile && !platform::writeWav(options.output, samples, synth.sampleRate(), error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    return 0;
}

} // namespace

void registerSayCommand(CLI::App& tool)
{
    auto say = std::make_shared<SayOptions>();
    CLI::App& command =
        addCommand(tool, "say", "像终端一样朗读一段文字（普通话）：数字、电话、日期、时间、价格和多音字按人的读法",
                   [say] { return runSay(*say); });
    command.add_option("TEXT", say->text, "要朗读的文字")->required()->type_name("TEXT");
    command.add_option("-o,--output", say->output, "把语音写成 WAV 文件（默认：从扬声器播放）")->type_name("FILE.wav");
    command.add_flag("--explain", say->explain, "输出一行交给语音引擎的文字（规范化之后）；不带 -o 时不发声");
    command
        .add_option("--data-dir", say->dataDir, "也用这个终端数据目录里的 readings.csv 读音表（默认：只用内置读音表）")
        ->type_name("DIR");
}

} // namespace tool
