using System.Data.Common;

namespace Headway.App.Storage;

/// <summary>Column readers that behave the same on both providers.</summary>
internal static class Read
{
    public static string? NullableString(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static double? NullableDouble(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    public static int? NullableInt(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    public static long? NullableLong(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    public static DateOnly Date(this DbDataReader r, int i) => r.GetFieldValue<DateOnly>(i);

    public static DateOnly? NullableDate(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

    // SQLite returns stored instants without a kind; every instant in Headway is UTC.
    public static DateTime Utc(this DbDataReader r, int i) => DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc);

    public static DateTime? NullableUtc(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.Utc(i);
}
