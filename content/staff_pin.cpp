// The staff PIN that unlocks unsigned USB packages: hashed with crypto_pwhash_str, and
// rate-limited through a small state file so a restart does not reset the count.
#include "content/file_io.h"
#include "content/trust.h"
#include "content/trust_detail.h"

#include <sodium.h>

#include <cstdlib>
#include <sstream>
#include <system_error>

namespace content {

namespace {

constexpr int kMaxTries = 5;
constexpr int64_t kLockSeconds = 300;

struct AttemptState {
    int failures = 0;
    int64_t lockedUntil = 0;
};

bool isPinText(std::string_view pin)
{
    if (pin.size() < 4 || pin.size() > 8) return false;
    for (char c : pin) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

std::optional<std::string> readPinHash(const DataDir& dir)
{
    std::optional<std::string> text = content::readRegularFile(dir.pinFile(), 1024);
    if (!text) return std::nullopt;
    while (!text->empty() && (text->back() == '\n' || text->back() == '\r' || text->back() == '\0')) text->pop_back();
    if (text->empty() || text->size() >= crypto_pwhash_STRBYTES || text->front() != '$') return std::nullopt;
    return text;
}

// A missing or unreadable state file counts as no failures.
AttemptState readState(const DataDir& dir)
{
    AttemptState state;
    std::optional<std::string> text = content::readRegularFile(dir.pinStateFile(), 256);
    if (!text) return state;
    std::istringstream in(*text);
    long long failures = 0;
    long long lockedUntil = 0;
    if (in >> failures >> lockedUntil) {
        state.failures = failures < 0 ? 0 : (failures > kMaxTries ? kMaxTries : static_cast<int>(failures));
        state.lockedUntil = lockedUntil < 0 ? 0 : lockedUntil;
    }
    return state;
}

void writeState(const DataDir& dir, const AttemptState& state)
{
    std::string error;
    std::string text = std::to_string(state.failures) + " " + std::to_string(state.lockedUntil) + "\n";
    // Best effort: if the data dir is not writable the count only lives for this check.
    content::writeFileAtomically(dir.pinStateFile(), text, 0600, &error);
}

} // namespace

bool hasPin(const DataDir& dir)
{
    return readPinHash(dir).has_value();
}

bool setPin(const DataDir& dir, std::string_view pin, std::string& error)
{
    if (!isPinText(pin)) {
        error = "密码应为 4 到 8 位数字";
        return false;
    }
    if (sodium_init() < 0) {
        error = "加密库初始化失败";
        return false;
    }
    std::string pinCopy(pin);
    char hash[crypto_pwhash_STRBYTES];
    int rc = crypto_pwhash_str(hash, pinCopy.data(), pinCopy.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                               crypto_pwhash_MEMLIMIT_INTERACTIVE);
    sodium_memzero(pinCopy.data(), pinCopy.size());
    if (rc != 0) {
        error = "无法计算密码摘要（内存不足）";
        return false;
    }
    std::error_code ec;
    fs::create_directories(dir.root, ec);
    std::string text = std::string(hash) + "\n";
    if (!content::writeFileAtomically(dir.pinFile(), text, 0600, &error)) return false;
    // A new PIN starts with a clean slate of tries.
    fs::remove(dir.pinStateFile(), ec);
    return true;
}

PinCheck checkPin(const DataDir& dir, std::string_view pin, int64_t nowSeconds)
{
    PinCheck check;
    std::optional<std::string> hash = readPinHash(dir);
    if (!hash) {
        check.result = PinResult::NoPin;
        return check;
    }
    AttemptState state = readState(dir);
    if (state.lockedUntil > nowSeconds) {
        // A clock set backwards must not stretch the lock beyond its five minutes.
        if (state.lockedUntil - nowSeconds > kLockSeconds) {
            state.lockedUntil = nowSeconds + kLockSeconds;
            writeState(dir, state);
        }
        check.result = PinResult::Locked;
        check.lockedSeconds = state.lockedUntil - nowSeconds;
        return check;
    }

    bool correct = false;
    if (isPinText(pin) && sodium_init() >= 0) {
        std::string pinCopy(pin);
        correct = crypto_pwhash_str_verify(hash->c_str(), pinCopy.data(), pinCopy.size()) == 0;
        sodium_memzero(pinCopy.data(), pinCopy.size());
    }

    if (correct) {
        if (state.failures != 0 || state.lockedUntil != 0) writeState(dir, AttemptState{});
        check.result = PinResult::Ok;
        check.triesLeft = kMaxTries;
        return check;
    }

    state.failures += 1;
    if (state.failures >= kMaxTries) {
        state.failures = 0;
        state.lockedUntil = nowSeconds + kLockSeconds;
        writeState(dir, state);
        check.result = PinResult::Locked;
        check.lockedSeconds = kLockSeconds;
        return check;
    }
    state.lockedUntil = 0;
    writeState(dir, state);
    check.result = PinResult::Wrong;
    check.triesLeft = kMaxTries - state.failures;
    return check;
}

} // namespace content
