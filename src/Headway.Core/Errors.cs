namespace Headway.Core;

/// <summary>Why an operation was refused. Mapped to an exit code by the CLI and to a status by the web.</summary>
public enum ErrorKind
{
    /// <summary>The input is malformed: a bad date, an empty text, an unknown option value.</summary>
    Invalid,

    /// <summary>The thing named does not exist, or does not belong to the caller.</summary>
    NotFound,

    /// <summary>A rule of the method refuses it: a cap, a lock, a cooling-off period.</summary>
    Refused,

    /// <summary>The thing changed since the caller read it: read it again before changing it.</summary>
    Stale,
}

/// <summary>An expected failure with one sentence that says what to do.</summary>
public sealed record Error(ErrorKind Kind, string Message)
{
    /// <summary>Malformed input.</summary>
    public static Error Invalid(string message) => new(ErrorKind.Invalid, message);

    /// <summary>A missing or foreign record.</summary>
    public static Error NotFound(string message) => new(ErrorKind.NotFound, message);

    /// <summary>A rule violation.</summary>
    public static Error Refused(string message) => new(ErrorKind.Refused, message);

    /// <summary>A change based on an older version of the record.</summary>
    public static Error Stale(string message) => new(ErrorKind.Stale, message);
}

/// <summary>A value or the error that prevented it.</summary>
public readonly record struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The error, or null when the operation succeeded.</summary>
    public Error? Error { get; }

    /// <summary>True when there is a value.</summary>
    public bool IsOk => Error is null;

    /// <summary>The value; throws when the result holds an error (a bug in the caller).</summary>
    public T Value => Error is null ? _value! : throw new InvalidOperationException($"No value: {Error.Message}");

    /// <summary>Wraps a value.</summary>
    public static Result<T> Ok(T value) => new(value, null);

    /// <summary>Wraps an error.</summary>
    public static Result<T> Fail(Error error) => new(default, error);

    /// <summary>Lets a use case return a value directly.</summary>
    public static implicit operator Result<T>(T value) => Ok(value);

    /// <summary>Lets a use case return an error directly.</summary>
    public static implicit operator Result<T>(Error error) => Fail(error);
}
