using System.Xml.Linq;
using Headway.App.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Headway.Web.Hosting;

public static class SharedKeys
{
    /// <summary>The name every instance protects its cookies and antiforgery tokens under (never change it: sessions end).</summary>
    public const string ApplicationName = "headway";

    /// <summary>
    /// Data-protection keys (which encrypt the sign-in cookie and antiforgery tokens) live in the database's
    /// data_protection_keys table rather than in one machine's ~/.aspnet, so every instance on one database accepts
    /// the others' cookies and forms, and a restart or a new container keeps everyone signed in.
    /// </summary>
    public static IServiceCollection AddSharedKeys(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, KeysInDatabase>();
        return services;
    }

    private sealed class KeysInDatabase(HeadwayDataSource source) : IConfigureOptions<KeyManagementOptions>
    {
        public void Configure(KeyManagementOptions options) => options.XmlRepository = new DatabaseKeys(source);
    }

    /// <summary>
    /// The key table read and written with plain SQL, on the pooled data source. Data protection loads its key ring
    /// while the server starts; through EF Core (PersistKeysToDbContext) that built the whole model of the database,
    /// Identity's included, before the first request could be answered. The table is EF Core's (id, friendly_name,
    /// xml), so keys written by either stay readable.
    /// </summary>
    internal sealed class DatabaseKeys(HeadwayDataSource source) : IXmlRepository
    {
        // Data protection's repository interface is synchronous; it is called at start-up and when a key is made
        // (every 90 days), never per request: the key ring is cached in memory.
        public IReadOnlyCollection<XElement> GetAllElements() => ReadAsync().GetAwaiter().GetResult();

        public void StoreElement(XElement element, string friendlyName)
        {
            ArgumentNullException.ThrowIfNull(element);
            WriteAsync(element.ToString(SaveOptions.DisableFormatting), friendlyName).GetAwaiter().GetResult();
        }

        private async Task<IReadOnlyCollection<XElement>> ReadAsync()
        {
            await using var db = await source.OpenAsync();
            var xml = await db.ListAsync("SELECT xml FROM data_protection_keys WHERE xml IS NOT NULL ORDER BY id", r => r.GetString(0), null, default);
            return [.. xml.Select(x => XElement.Parse(x))];
        }

        private async Task WriteAsync(string xml, string friendlyName)
        {
            await using var db = await source.OpenAsync();
            await db.ExecuteAsync("INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@n, @x)", null, default, ("n", friendlyName), ("x", xml));
        }
    }
}
