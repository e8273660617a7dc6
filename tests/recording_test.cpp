// Recordings (录音): the column in the sheets, the checks a package's audio files go through
// (located at their row), the store's recordings table, carry-over when a sheet stays, export.
#include "content/importer.h"
#include "content/limits.h"
#include "content/package_stage.h"
#include "content/recording.h"
#include "content/sheet_table.h"
#include "content/store.h"
#include "content/trust.h"
#include "content/update_session.h"
#include "kiosk/read_aloud.h"

#include "tests/support/test_files.h"

#include <catch2/catch.hpp>
#include <sndfile.h>

#include <cmath>
#include <map>
#include <vector>

using namespace content;

namespace {

Date recordingDay()
{
    return std::chrono::year{2026} / std::chrono::June / std::chrono::day{3};
}

// A sine tone written by libsndfile in `format` (SF_FORMAT_WAV | SF_FORMAT_PCM_16, …).
std::string tone(int format, double seconds, double hz = 440, int rate = 16000, int channels = 1)
{
    test::TempDir tmp("kiosk-tone");
    const fs::path file = tmp.path / "tone";
    SF_INFO info{};
    info.samplerate = rate;
    info.channels = channels;
    info.format = format;
    SNDFILE* out = sf_open(file.c_str(), SFM_WRITE, &info);
    REQUIRE(out != nullptr);
    const auto frames = static_cast<size_t>(seconds * rate);
    std::vector<float> samples(frames * static_cast<size_t>(channels));
    for (size_t i = 0; i < frames; ++i) {
        for (int c = 0; c < channels; ++c)
            samples[i * channels + c] = 0.5f * static_cast<float>(std::sin(2 * M_PI * hz * double(i) / rate));
    }
    REQUIRE(sf_writef_float(out, samples.data(), static_cast<sf_count_t>(frames)) == static_cast<sf_count_t>(frames));
    sf_close(out);
    return test::readFile(file);
}

std::string wav(double seconds)
{
    return tone(SF_FORMAT_WAV | SF_FORMAT_PCM_16, seconds);
}

const char* kGuideHeader = "序号,标题,骗术,识破,应对,录音\n";

std::string guideSheet(const std::vector<std::string>& recordings)
{
    std::string text = kGuideHeader;
    int n = 0;
    for (const std::string& r : recordings) {
        ++n;
        text +=
            std::to_string(n) + ",冒充客服" + std::to_string(n) + ",说您的快递丢了,客服不会要验证码,挂断," + r + "\n";
    }
    return text;
}

std::string problemsText(const Problems& problems)
{
    std::string text;
    for (const Problem& problem : problems) text += problem.format() + "\n";
    return text;
}

struct Fixture {
    test::TempDir tmp;
    DataDir dir{tmp.path / "data"};
    Store store = Store::open(dir, recordingDay());

    ImportReport run(const fs::path& package, PackageSource source = PackageSource::Console, bool allowUnsigned = true)
    {
        ImportOptions options;
        options.source = source;
        options.allowUnsigned = allowUnsigned;
        options.now = LocalDateTime{recordingDay(), 9 * 60};
        return importPackage(store, dir, package, options);
    }
};

// The problems `check` would print for a package.
std::string checkProblems(const fs::path& package, const fs::path& staging)
{
    return problemsText(checkPackage(package, staging).problems);
}

} // namespace

TEST_CASE("the 录音 column is read and written with guide, notices and lectures", "[recording][sheets]")
{
    CHECK(sheetHeader(SheetKind::Guide).back() == "录音");
    CHECK(sheetHeader(SheetKind::Notices).back() == "录音");
    CHECK(sheetHeader(SheetKind::Lectures).back() == "录音");

    ContentUpdate update;
    Problems problems;
    readSheetFile(SheetKind::Notices, "录音,标题\n通知.MP3,停水\n,停电\n", "notices.csv", update, problems);
    INFO(problemsText(problems));
    REQUIRE(problems.empty());
    REQUIRE(update.notices->size() == 2);
    CHECK((*update.notices)[0].recording == "通知.MP3");
    CHECK((*update.notices)[1].recording.empty());
    REQUIRE(update.recordingRefs.size() == 1);
    CHECK(update.recordingRefs[0].file == "notices.csv");
    CHECK(update.recordingRefs[0].row == 2);

    // Written back in the column, read back the same.
    const Content content = update.appliedTo(Content{});
    ContentUpdate again;
    readSheetFile(SheetKind::Notices, exportSheet(SheetKind::Notices, content), "notices.csv", again, problems);
    REQUIRE(problems.empty());
    CHECK(*again.notices == *update.notices);
    // A sheet without the column (every sheet written before it existed) still reads.
    ContentUpdate old;
    readSheetFile(SheetKind::Guide, "序号,标题,识破\n1,冒充客服,不要转账\n", "guide.csv", old, problems);
    CHECK(problems.empty());
    CHECK(old.guide->at(0).recording.empty());
}

TEST_CASE("a 录音 cell must be a plain file name of a recording", "[recording][sheets]")
{
    for (const char* bad : {"录音/反诈.mp3", "..\\\\反诈.mp3", "C:反诈.mp3", "/tmp/反诈.mp3", ".隐藏.mp3", "反诈提醒",
                            "反诈.txt", "../反诈.wav"}) {
        INFO(bad);
        ContentUpdate update;
        Problems problems;
        readSheetFile(SheetKind::Guide, std::string(kGuideHeader) + "1,冒充客服,,不要转账,," + bad + "\n", "guide.csv",
                      update, problems);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].format().starts_with("guide.csv:2:录音: "));
        CHECK_FALSE(update.guide);
    }
    CHECK(isRecordingFileName("反诈提醒.MP3"));
    CHECK(isRecordingFileName("a.ogg"));
    CHECK(isRecordingFileName("a.Wav"));
    CHECK_FALSE(isRecordingFileName(".mp3"));
}

TEST_CASE("recordings decode from start to end: wav, ogg and mp3", "[recording]")
{
    const RecordingCheck w = checkRecordingBytes(wav(1.5));
    INFO(w.problem);
    CHECK(w.ok);
    CHECK(w.durationMs == 1500);
    const RecordingCheck o = checkRecordingBytes(tone(SF_FORMAT_OGG | SF_FORMAT_VORBIS, 2.0));
    INFO(o.problem);
    CHECK(o.ok);
    CHECK(std::abs(o.durationMs - 2000) < 50);
    const RecordingCheck m = checkRecordingBytes(tone(SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III, 2.0, 440, 44100));
    INFO(m.problem);
    CHECK(m.ok);
    CHECK(std::abs(m.durationMs - 2000) < 100);

    CHECK_FALSE(checkRecordingBytes("").ok);
    CHECK_FALSE(checkRecordingBytes("this is not a sound file at all, just text").ok);
    // A wav cut off in its header is not playable.
    CHECK_FALSE(checkRecordingBytes(wav(1.0).substr(0, 20)).ok);

    // The decoder the kiosk plays from gives the samples back.
    RecordingDecoder decoder;
    std::string error;
    REQUIRE(decoder.open(wav(0.5), error));
    CHECK(decoder.sampleRate() == 16000);
    CHECK(decoder.channels() == 1);
    std::vector<float> block(1000);
    int64_t frames = 0;
    for (int64_t n; (n = decoder.read(block.data(), 1000)) > 0;) frames += n;
    CHECK(frames == 8000);
}

TEST_CASE("damaged recordings are refused with a reason, never a crash", "[recording]")
{
    // Bit flips and cuts of real wav, ogg and mp3 files: each either checks out or is refused
    // with a Chinese reason, and the decoder the kiosk plays from copes with it either way.
    const std::vector<std::string> originals = {wav(0.3), tone(SF_FORMAT_OGG | SF_FORMAT_VORBIS, 0.3),
                                                tone(SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III, 0.3, 440, 44100)};
    uint32_t seed = 12345;
    const auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
    std::vector<float> block(4096 * 8);
    for (const std::string& original : originals) {
        for (int round = 0; round < 150; ++round) {
            std::string bytes = original;
            if (round % 3 == 0) bytes.resize(next() % bytes.size());
            const int flips = 1 + static_cast<int>(next() % 16);
            for (int i = 0; i < flips && !bytes.empty(); ++i) bytes[next() % bytes.size()] ^= char(1u << (next() % 8));
            const RecordingCheck check = checkRecordingBytes(bytes);
            if (!check.ok) REQUIRE_FALSE(check.problem.empty());
            RecordingDecoder decoder;
            std::string error;
            if (!decoder.open(bytes, error)) continue;
            for (int64_t n; (n = decoder.read(block.data(), 4096 * 8 / std::max(1, decoder.channels()))) > 0;) {
            }
        }
    }
}

TEST_CASE("a recording longer than the limit is refused", "[recording]")
{
    // Eleven minutes of 8 kHz silence is small (10 MB) but too long.
    const std::string longOne =
        tone(SF_FORMAT_WAV | SF_FORMAT_PCM_U8, double(limits::kMaxRecordingMs) / 1000 + 60, 0, 8000);
    const RecordingCheck check = checkRecordingBytes(longOne);
    CHECK_FALSE(check.ok);
    CHECK(check.problem.find("最多 10 分 00 秒") != std::string::npos);
}

TEST_CASE("missing, unreadable, oversize and unlisted recordings are errors of their row", "[recording][import]")
{
    Fixture f;
    const fs::path staging = f.tmp.path / "staging";

    SECTION("missing")
    {
        const fs::path package =
            test::makePackage(f.tmp.path / "pkg", {{"guide.csv", guideSheet({"", "反诈提醒.mp3"})}});
        CHECK(checkProblems(package, staging) ==
              "guide.csv:3:录音: 找不到录音文件“反诈提醒.mp3”（应与表格放在同一个文件夹里）\n");
        const auto before = test::hashTree(f.dir.storeDir());
        CHECK(f.run(package).outcome == ImportOutcome::Rejected);
        CHECK(test::hashTree(f.dir.storeDir()) == before);
    }
    SECTION("in a subfolder is missing too")
    {
        const fs::path package =
            test::makePackage(f.tmp.path / "pkg", {{"guide.csv", guideSheet({"a.wav"})}, {"录音/a.wav", wav(0.5)}});
        CHECK(checkProblems(package, staging).starts_with("guide.csv:2:录音: 找不到录音文件“a.wav”"));
    }
    SECTION("unreadable")
    {
        const fs::path package = test::makePackage(f.tmp.path / "pkg", {{"notices.csv", "标题,录音\n停水,坏的.wav\n"},
                                                                        {"坏的.wav", "RIFF\x10\0\0\0WAVEjunk"}});
        const std::string text = checkProblems(package, staging);
        CHECK(text.starts_with("notices.csv:2:录音: 录音文件“坏的.wav”不是能播放的声音文件"));
        CHECK(f.run(package).outcome == ImportOutcome::Rejected);
    }
    SECTION("oversize, named by the limit")
    {
        std::string big = wav(0.5);
        big.resize(limits::kMaxRecordingBytes + 1, '\0');
        const fs::path package = test::makePackage(
            f.tmp.path / "pkg",
            {{"lectures.csv", "日期,开始,主题,录音\n2026-06-10,9:30,血压,大.wav\n"}, {"大.wav", big}});
        CHECK(checkProblems(package, staging) ==
              "lectures.csv:2:录音: 录音文件“大.wav”太大（20.0 MB），一个录音最多 20.0 MB，请压缩成 mp3 或剪短\n");
    }
    SECTION("a missing recording is named beside the sheet's other problems")
    {
        // Row 3 has a bad name, row 2's recording is missing: both are told at once.
        const fs::path package =
            test::makePackage(f.tmp.path / "pkg", {{"guide.csv", guideSheet({"缺的.mp3", "../a.ogg"})}});
        const std::string text = checkProblems(package, staging);
        CHECK(text.find("guide.csv:3:录音:") != std::string::npos);
        CHECK(text.find("guide.csv:2:录音: 找不到录音文件“缺的.mp3”") != std::string::npos);
    }
    SECTION("one problem per row, the file decoded once")
    {
        const fs::path package =
            test::makePackage(f.tmp.path / "pkg", {{"guide.csv", guideSheet({"x.ogg", "", "x.ogg"})}});
        const std::string text = checkProblems(package, staging);
        CHECK(text.find("guide.csv:2:录音:") != std::string::npos);
        CHECK(text.find("guide.csv:4:录音:") != std::string::npos);
    }
    SECTION("a signed package's recording must be listed in its manifest, with its hash")
    {
        const SecretKey key = test::trustNewKey(f.dir);
        const fs::path package =
            test::makePackage(f.tmp.path / "pkg", {{"guide.csv", guideSheet({"a.wav"})}, {"a.wav", wav(0.5)}});
        test::signPackage(package, {"guide.csv"}, 202606030900, key);
        ImportReport report = f.run(package, PackageSource::Drop, false);
        CHECK(report.outcome == ImportOutcome::Rejected);
        CHECK(problemsText(report.problems)
                  .starts_with("guide.csv:2:录音: 签名清单 manifest.json 没有列出录音文件“a.wav”"));

        test::signPackage(package, {"guide.csv", "a.wav"}, 202606030901, key);
        test::writeFile(package / "a.wav", wav(0.6));
        report = f.run(package, PackageSource::Drop, false);
        CHECK(report.outcome == ImportOutcome::Waiting);

        test::signPackage(package, {"guide.csv", "a.wav"}, 202606030902, key);
        report = f.run(package, PackageSource::Drop, false);
        INFO(problemsText(report.problems));
        REQUIRE(report.ok());
        REQUIRE(f.store.content().recordings.size() == 1);
        CHECK(f.store.content().recordings[0].durationMs == 600);
    }
}

TEST_CASE("the bounds on recordings: how many, and all of them together", "[recording][limits]")
{
    Fixture f;
    const fs::path staging = f.tmp.path / "staging";
    SECTION("more different recordings than limits::kMaxRecordings")
    {
        std::map<std::string, std::string> files;
        std::vector<std::string> names;
        const std::string one = wav(0.1);
        for (int i = 0; i <= limits::kMaxRecordings; ++i) {
            names.push_back("r" + std::to_string(i) + ".wav");
            files[names.back()] = one;
        }
        files["guide.csv"] = guideSheet(names);
        const fs::path package = test::makePackage(f.tmp.path / "pkg", files);
        const std::string text = checkProblems(package, staging);
        CHECK(text == "guide.csv:" + std::to_string(limits::kMaxRecordings + 2) +
                          ":录音: 表格里用到的录音太多，最多 40 个不同的录音文件\n");
    }
    SECTION("recording files together over the cap are refused while staging, the sheets' cap apart")
    {
        const fs::path package = test::makePackage(
            f.tmp.path / "pkg", {{"guide.csv", guideSheet({"a.wav"})}, {"a.wav", wav(1.0)}, {"b.wav", wav(1.0)}});
        StageLimits caps;
        caps.maxRecordingsBytes = 40000; // each is 32 KB
        caps.maxPackageBytes = 10000;    // more than the sheet, less than any recording
        StagedPackage staged;
        Problems problems;
        CHECK(stagePackage(package, staging, caps, nullptr, staged, problems) == StageStatus::Rejected);
        CHECK(problemsText(problems).find("录音文件一共太大") != std::string::npos);
        caps.maxRecordingsBytes = 80000;
        problems.clear();
        CHECK(stagePackage(package, staging, caps, nullptr, staged, problems) == StageStatus::Ok);
        CHECK(staged.has("b.wav"));
    }
}

TEST_CASE("recordings go into the store once, carry over and are dropped when unused", "[recording][store]")
{
    Fixture f;
    const std::string a = wav(0.5);
    const std::string b = tone(SF_FORMAT_OGG | SF_FORMAT_VORBIS, 1.0);
    // Named by two guide rows (once in another case) and a notice: stored once.
    const fs::path package = test::makePackage(f.tmp.path / "pkg", {{"guide.csv", guideSheet({"提醒.wav", "提醒.WAV"})},
                                                                    {"notices.csv", "标题,录音\n停水,通知.ogg\n"},
                                                                    {"提醒.wav", a},
                                                                    {"通知.ogg", b}});
    ImportReport report = f.run(package);
    INFO(problemsText(report.problems));
    REQUIRE(report.ok());
    const Content& live = f.store.content();
    REQUIRE(live.recordings.size() == 2);
    CHECK(live.guide[1].recording == "提醒.wav"); // the file's own spelling
    const Recording* reminder = live.recording("提醒.wav");
    REQUIRE(reminder);
    CHECK(reminder->durationMs == 500);
    CHECK(reminder->sha256 == sha256Hex(a));
    CHECK(reminder->sourceKind == Recording::Source::StoreFile);
    CHECK(reminder->source == f.store.currentFile().string());

    // The bytes are in the store file itself: read back from a fresh open, the staged copy gone.
    Store reopened = Store::open(f.dir, recordingDay());
    CHECK(reopened.content() == live);
    std::string error;
    CHECK(loadRecordingBytes(*reopened.content().recording("通知.ogg"), error) == b);
    // The kiosk decodes it straight from the store file, as many samples as were written.
    RecordingDecoder decoder;
    REQUIRE(decoder.open(*reopened.content().recording("提醒.wav"), error));
    std::vector<float> block(1024);
    int64_t frames = 0;
    for (int64_t n; (n = decoder.read(block.data(), 1024)) > 0;) frames += n;
    CHECK(frames == 8000);

    // A package without guide.csv keeps the guide, and so its recording; the notice's goes.
    const fs::path next = test::makePackage(f.tmp.path / "next", {{"notices.csv", "标题\n停电\n"}});
    report = f.run(next);
    REQUIRE(report.ok());
    REQUIRE(f.store.content().recordings.size() == 1);
    CHECK(f.store.content().recordings[0].name == "提醒.wav");
    CHECK(loadRecordingBytes(f.store.content().recordings[0], error) == a);

    // Back to the previous version: its recordings come back with it.
    REQUIRE(f.store.rollback());
    CHECK(f.store.content().recordings.size() == 2);
    CHECK(loadRecordingBytes(*f.store.content().recording("通知.ogg"), error) == b);
}

TEST_CASE("export writes the recordings beside the sheets and re-imports unchanged", "[recording][import]")
{
    Fixture f;
    const fs::path package = test::makePackage(
        f.tmp.path / "pkg", {{"guide.csv", guideSheet({"提醒.wav"})},
                             {"lectures.csv", "日期,开始,主题,录音\n2026-06-10,9:30,血压,讲座.mp3\n"},
                             {"提醒.wav", wav(0.5)},
                             {"讲座.mp3", tone(SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III, 1.0, 440, 44100)}});
    REQUIRE(f.run(package).ok());

    const fs::path exported = f.tmp.path / "export";
    fs::create_directories(exported);
    for (SheetKind kind : kAllSheetKinds)
        test::writeFile(exported / sheetFileName(kind), exportSheet(kind, f.store.content()));
    std::string error;
    REQUIRE(writeRecordingFiles(f.store.content(), exported, error));
    CHECK(test::readFile(exported / "提醒.wav") == test::readFile(package / "提醒.wav"));
    CHECK(test::readFile(exported / "讲座.mp3") == test::readFile(package / "讲座.mp3"));

    test::TempDir other;
    const DataDir otherDir{other.path / "data"};
    Store otherStore = Store::open(otherDir, recordingDay());
    ImportOptions options;
    options.allowUnsigned = true;
    const ImportReport report = importPackage(otherStore, otherDir, exported, options);
    INFO(problemsText(report.problems));
    REQUIRE(report.ok());
    Content a = f.store.content();
    Content b = otherStore.content();
    a.version = b.version = 0;
    CHECK(a == b);
    CHECK(b.recordings.size() == 2);
}

TEST_CASE("a stick's recordings apply after the PIN, and the kiosk's export writes them back", "[recording][update]")
{
    test::TempDir tmp;
    UpdateSession session(DataDir{tmp.path / "data"});
    std::string error;
    REQUIRE(session.open(recordingDay(), error));
    const std::string sound = wav(0.3);
    const fs::path package = test::makePackage(
        tmp.path / "pkg", {{"notices.csv", "标题,录音\n停水,停水通知.wav\n"}, {"停水通知.wav", sound}});
    // From a stick, unsigned: shown, then applied after the PIN from the copy staged then.
    ImportOptions options;
    options.source = PackageSource::Usb;
    options.now = LocalDateTime{recordingDay(), 600};
    REQUIRE(session.importPackage(package, options).outcome == ImportOutcome::NeedsPin);
    fs::remove(package / "停水通知.wav");
    REQUIRE(session.approvePending(LocalDateTime{recordingDay(), 601}).ok());
    REQUIRE(session.content()->recordings.size() == 1);
    fs::create_directories(tmp.path / "stick");
    const ExportResult result = session.exportTo({{tmp.path / "stick", false}}, LocalDateTime{recordingDay(), 600});
    REQUIRE(result.outcome == ExportOutcome::Exported);
    CHECK(test::readFile(result.dir / "停水通知.wav") == sound);
    CHECK(test::readFile(result.dir / "notices.csv").find("停水通知.wav") != std::string::npos);
}

TEST_CASE("build puts the recordings into FILE.db, which imports as a content.db package", "[recording][store]")
{
    Fixture f;
    const fs::path package =
        test::makePackage(f.tmp.path / "pkg", {{"guide.csv", guideSheet({"提醒.wav"})}, {"提醒.wav", wav(0.25)}});
    const fs::path db = f.tmp.path / "built" / "content.db";
    {
        const PackageCheck check = checkPackage(package, f.tmp.path / "staging");
        INFO(problemsText(check.problems));
        REQUIRE(check.update);
        REQUIRE(check.update->recordings.size() == 1);
        fs::create_directories(db.parent_path());
        writeStoreFile(db, *check.update, 7);
    }
    const ImportReport report = f.run(db.parent_path());
    INFO(problemsText(report.problems));
    REQUIRE(report.ok());
    REQUIRE(f.store.content().recordings.size() == 1);
    std::string error;
    CHECK(loadRecordingBytes(f.store.content().recordings[0], error) == test::readFile(package / "提醒.wav"));

    // A content.db whose rows name a recording it does not hold is refused at that row.
    const fs::path bare = f.tmp.path / "bare" / "content.db";
    ContentUpdate update;
    Problems problems;
    readSheetFile(SheetKind::Guide, guideSheet({"别的.wav"}), "guide.csv", update, problems);
    REQUIRE(problems.empty());
    fs::create_directories(bare.parent_path());
    writeStoreFile(bare, update, 8);
    const ImportReport refused = f.run(bare.parent_path());
    CHECK(problemsText(refused.problems).starts_with("content.db:guide:2:录音: content.db 里没有录音“别的.wav”"));
}

TEST_CASE("朗读 plays a row's recording instead of its text, in order with the others", "[recording][speech]")
{
    content::GuideEntry page;
    page.title = "冒充客服";
    page.howToSpot = "客服不会要验证码";
    kiosk::Reading reading = kiosk::read_aloud::guidePage(page);
    REQUIRE(reading.parts.size() == 1);
    CHECK(reading.parts[0].recording.empty());
    CHECK(reading.text().find("冒充客服") != std::string::npos);
    page.recording = "提醒.wav";
    reading = kiosk::read_aloud::guidePage(page);
    REQUIRE(reading.parts.size() == 1);
    CHECK(reading.parts[0].recording == "提醒.wav");
    CHECK(reading.text().empty());
    // Its text goes with it, spoken only should the store have lost the recording.
    CHECK(reading.parts[0].text.find("冒充客服") != std::string::npos);

    content::Notice notice;
    notice.title = "停水";
    notice.recording = "停水.mp3";
    CHECK(kiosk::read_aloud::notice(notice).parts.at(0).recording == "停水.mp3");

    // The lectures list: text, the recording, text again, each where its lecture is.
    content::Lecture a, b, c;
    a.title = "血压";
    b.title = "防跌倒";
    b.recording = "防跌倒.ogg";
    c.title = "糖尿病";
    const std::vector<content::UpcomingLecture> list = {{&a}, {&b}, {&c}};
    reading = kiosk::read_aloud::lectures(list);
    REQUIRE(reading.parts.size() == 3);
    CHECK(reading.parts[0].text.find("血压") != std::string::npos);
    CHECK(reading.parts[1].recording == "防跌倒.ogg");
    CHECK(reading.parts[2].text.find("糖尿病") != std::string::npos);
    CHECK(reading.text().find("防跌倒") == std::string::npos);
}
