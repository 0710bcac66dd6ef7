package dev.reliance.util;

/**
 * A problem caused by the user's input (a bad option, a missing or malformed file). The CLI
 * prints its message as one line, without a stack trace, and exits non-zero. Messages name
 * the file or option and say what is wrong.
 */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
