using System.Net.Mail;

namespace Forum.Domain.Common;

/// <summary>Field checks shared by every command: each names the field it refuses.</summary>
public static class Input
{
    public static Rejection? Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            return Rejection.Invalid(field, "field-required", $"'{field}' is required.");
        return MaxLength(field, value, maxLength);
    }

    public static Rejection? MaxLength(string field, string? value, int maxLength) =>
        value is not null && value.Length > maxLength
            ? Rejection.Invalid(field, "field-too-long", $"'{field}' may be at most {maxLength} characters (it has {value.Length}).")
            : null;

    public static Rejection? Email(string field, string? value)
    {
        if (Required(field, value, 254) is { } missing) return missing;
        var ok = MailAddress.TryCreate(value!.Trim(), out var parsed) && parsed.Address == value.Trim() && parsed.Host.Contains('.');
        return ok ? null : Rejection.Invalid(field, "email-invalid", $"'{field}' must be an e-mail address such as name@example.org.");
    }

    public static Rejection? Defined<TEnum>(string field, TEnum? value) where TEnum : struct, Enum =>
        value is null
            ? Rejection.Invalid(field, "field-required", $"'{field}' is required: one of {string.Join(", ", Enum.GetNames<TEnum>())}.")
            : Enum.IsDefined(value.Value) ? null
            : Rejection.Invalid(field, "enum-value-unknown", $"'{field}' must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");

    public static Rejection? Id(string field, Guid? value) =>
        value is null || value == Guid.Empty ? Rejection.Invalid(field, "field-required", $"'{field}' is required.") : null;

    /// <summary>
    /// Text is letters, marks, symbols, line breaks (LF, CR) and tabs. Any other control character is refused: NUL
    /// cannot be stored by PostgreSQL at all (a batch holding one fails whole), and the rest are invisible in every
    /// format we render (pages, mail, minutes, PDF), so they only hide or corrupt what a person reads.
    /// </summary>
    public static Rejection? Text(string field, string? value)
    {
        if (value is null) return null;
        foreach (var c in value)
            if (!IsText(c)) return ControlCharacter(field, c);
        return null;
    }

    public static bool IsText(char c) => !char.IsControl(c) || c is '\n' or '\r' or '\t';

    public static Rejection ControlCharacter(string field, char c) =>
        Rejection.Invalid(field, "control-character", $"'{field}' contains the control character U+{(int)c:X4}; only text, line breaks and tabs are accepted.");

    /// <summary>The first refusal among the checks, in the order given.</summary>
    public static Rejection? First(params Rejection?[] checks) => checks.FirstOrDefault(c => c is not null);
}
