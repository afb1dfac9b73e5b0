#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace karvan {

// What went wrong, in terms a caller can branch on; the message is one line for a human.
enum class ErrorCode {
    InvalidArgument, // malformed or out-of-range input (negative quantity, bad currency code)
    NotFound, // unknown id or SKU
    CurrencyMismatch,
    Overflow, // the result would not fit in 64-bit minor units
    Conflict, // the operation contradicts current state (e.g. archived customer)
    Storage, // the database refused or failed
};

struct Error
{
    ErrorCode code = ErrorCode::InvalidArgument;
    QString message;
};

inline Error makeError(ErrorCode code, const QString &message)
{
    return Error {code, message};
}

// A value or an Error. Core APIs return this instead of throwing, so bad input can never
// escape as a crash or a silently wrong total.
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    { }
    Result(Error error)
        : m_state(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<Error>(m_state); }
    QString errorMessage() const { return ok() ? QString() : error().message; }

private:
    std::variant<T, Error> m_state;
};

template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_ok(false)
    { }

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }
    QString errorMessage() const { return m_ok ? QString() : m_error.message; }

private:
    Error m_error;
    bool m_ok = true;
};

} // namespace karvan
