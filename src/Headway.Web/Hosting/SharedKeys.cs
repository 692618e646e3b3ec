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
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<HeadwayDbContext>();
        services.AddSingleton<IPostConfigureOptions<KeyManagementOptions>, SchemaBeforeKeys>();
        return services;
    }

    private sealed class SchemaBeforeKeys(HeadwayDataSource source) : IPostConfigureOptions<KeyManagementOptions>
    {
        public void PostConfigure(string? name, KeyManagementOptions options) =>
            options.XmlRepository = new DatabaseKeys(options.XmlRepository!, source);
    }

    /// <summary>
    /// The EF Core key table, reached only once the schema is migrated: the first antiforgery token can be asked for
    /// before anything else has opened the database of a fresh install.
    /// </summary>
    internal sealed class DatabaseKeys(IXmlRepository table, HeadwayDataSource source) : IXmlRepository
    {
        private volatile bool _migrated;

        public IXmlRepository Table => table;

        public IReadOnlyCollection<XElement> GetAllElements()
        {
            EnsureSchema();
            return table.GetAllElements();
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            EnsureSchema();
            table.StoreElement(element, friendlyName);
        }

        private void EnsureSchema()
        {
            if (!_migrated)
            {
                // Data protection asks synchronously; this waits once per process, on the first key read.
                var db = source.OpenAsync().GetAwaiter().GetResult();
                db.DisposeAsync().AsTask().GetAwaiter().GetResult();
                _migrated = true;
            }
        }
    }
}
