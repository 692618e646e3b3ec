using System.Text;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Headway.App.Storage;

/// <summary>
/// The schema's single source of truth for both providers' migrations. Tables and columns are snake_case so that
/// the hand-written SQL in HeadwayDb reads the same on SQLite and PostgreSQL without quoting. It also holds the web
/// app's accounts (ASP.NET Core Identity's user tables, whose EF Core stores the web app uses as they are).
/// </summary>
public sealed class HeadwayDbContext(DbContextOptions<HeadwayDbContext> options)
    : IdentityUserContext<HeadwayIdentityUser, long>(options), IDataProtectionKeyContext
{
    // The web app's data-protection keys (cookies, antiforgery tokens), shared by every instance on one database.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Identity's DbSet<HeadwayIdentityUser> takes the name Users: these are the planner's users, whom accounts act for.
    public DbSet<UserRow> Planners => Set<UserRow>();
    public DbSet<GoalRow> Goals => Set<GoalRow>();
    public DbSet<ActionRow> Actions => Set<ActionRow>();
    public DbSet<ActionEventRow> ActionEvents => Set<ActionEventRow>();
    public DbSet<CommitmentRow> Commitments => Set<CommitmentRow>();
    public DbSet<ChangeRequestRow> ChangeRequests => Set<ChangeRequestRow>();
    public DbSet<AccessTokenRow> AccessTokens => Set<AccessTokenRow>();
    public DbSet<IdempotentRequestRow> IdempotentRequests => Set<IdempotentRequestRow>();
    public DbSet<InvitationRow> Invitations => Set<InvitationRow>();
    public DbSet<PartnershipRow> Partnerships => Set<PartnershipRow>();
    public DbSet<SharedGoalRow> SharedGoals => Set<SharedGoalRow>();
    public DbSet<PartnerNoteRow> PartnerNotes => Set<PartnerNoteRow>();
    public DbSet<NotificationRow> Notifications => Set<NotificationRow>();
    public DbSet<DeliveryRow> Deliveries => Set<DeliveryRow>();
    public DbSet<WebhookRow> Webhooks => Set<WebhookRow>();
    public DbSet<SignInCounterRow> SignInCounters => Set<SignInCounterRow>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Identity's tables at the schema version its options name; the design-time context has none and gets version 1,
        // so the web app must keep IdentityOptions.Stores.SchemaVersion at its default (a web test compares the models).
        base.OnModelCreating(builder);
        builder.Entity<HeadwayIdentityUser>(e =>
        {
            e.ToTable("identity_users");
            // An account acts for exactly one Headway user, whose rows it sees; deleting the user deletes the account.
            e.HasOne<UserRow>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.UserId).IsUnique();
        });
        builder.Entity<IdentityUserClaim<long>>().ToTable("identity_user_claims");
        builder.Entity<IdentityUserLogin<long>>().ToTable("identity_user_logins");
        builder.Entity<IdentityUserToken<long>>().ToTable("identity_user_tokens");

        builder.Entity<UserRow>(e =>
        {
            e.ToTable("users");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.TimeZone).HasMaxLength(100);
            e.Property(x => x.CalendarTokenHash).HasMaxLength(64);
            e.HasIndex(x => x.CalendarTokenHash).IsUnique();
            // Rows are inserted without it (plain SQL); the triggers of the DataVersion migration bump it.
            e.Property(x => x.DataVersion).HasDefaultValue(0L);
        });

        builder.Entity<GoalRow>(e =>
        {
            e.ToTable("goals");
            e.HasOne<UserRow>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Area).HasMaxLength(20);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.TargetUnit).HasMaxLength(40);
            e.Property(x => x.SourceKey).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.UserId, x.Status });
            // One goal per imported project (NULLs, goals made by hand, never collide).
            e.HasIndex(x => new { x.UserId, x.SourceKey }).IsUnique();
        });

        builder.Entity<ActionRow>(e =>
        {
            e.ToTable("actions");
            e.HasOne<UserRow>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<GoalRow>().WithMany().HasForeignKey(x => x.GoalId).OnDelete(DeleteBehavior.SetNull);
            e.Property(x => x.Text).HasMaxLength(500);
            e.Property(x => x.Horizon).HasMaxLength(10);
            e.Property(x => x.Status).HasMaxLength(10);
            e.Property(x => x.Verdict).HasMaxLength(12);
            e.Property(x => x.OverrideVerdict).HasMaxLength(12);
            e.Property(x => x.OutcomeUnit).HasMaxLength(40);
            e.Property(x => x.Version).IsConcurrencyToken();
            // The lists (now, week, later) and the caps read open actions per horizon.
            e.HasIndex(x => new { x.UserId, x.Status, x.Horizon });
            // Reviews read what was completed in a week.
            e.HasIndex(x => new { x.UserId, x.CompletedAt });
            e.HasIndex(x => x.GoalId);
            e.Property(x => x.Source).HasMaxLength(20);
            e.Property(x => x.SourceId).HasMaxLength(200);
            // An item imported twice is the same action (NULLs, actions added by hand, never collide).
            e.HasIndex(x => new { x.UserId, x.Source, x.SourceId }).IsUnique();
        });

        builder.Entity<ActionEventRow>(e =>
        {
            e.ToTable("action_events");
            e.HasOne<ActionRow>().WithMany().HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Kind).HasMaxLength(12);
            e.HasIndex(x => x.ActionId);
            // The review's questions: which actions had anything happen this week (the action is in the index, so
            // the events themselves are not read), and which were ever postponed (few events are).
            e.HasIndex(x => new { x.UserId, x.At, x.ActionId });
            e.HasIndex(x => new { x.UserId, x.ActionId }).HasFilter("kind = 'postponed'");
        });

        builder.Entity<CommitmentRow>(e =>
        {
            e.ToTable("commitments");
            e.HasOne<UserRow>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<GoalRow>().WithMany().HasForeignKey(x => x.GoalId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ActionRow>().WithMany().HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.EventName).HasMaxLength(200);
            e.Property(x => x.EventLink).HasMaxLength(2000);
            e.Property(x => x.TargetUnit).HasMaxLength(40);
            e.Property(x => x.Status).HasMaxLength(10);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.UserId, x.Status });
            e.ToTable(t => t.HasCheckConstraint("ck_commitments_one_target", "(goal_id IS NULL) <> (action_id IS NULL)"));
        });

        builder.Entity<ChangeRequestRow>(e =>
        {
            e.ToTable("commitment_requests");
            e.HasOne<CommitmentRow>().WithMany().HasForeignKey(x => x.CommitmentId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Kind).HasMaxLength(12);
            e.Property(x => x.Path).HasMaxLength(12);
            e.Property(x => x.Status).HasMaxLength(12);
            e.Property(x => x.NewTargetUnit).HasMaxLength(40);
            e.HasIndex(x => new { x.CommitmentId, x.Status });
            e.HasOne<UserRow>().WithMany().HasForeignKey(x => x.DecidedByUserId).OnDelete(DeleteBehavior.SetNull);
        });

        ConfigureApi(builder);
        ConfigurePartners(builder);
        ConfigureNotifications(builder);

        ApplySnakeCase(builder);
        NameAccountColumns(builder);
    }

    private static void ConfigureApi(ModelBuilder builder)
    {
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        builder.Entity<AccessTokenRow>(e =>
        {
            e.ToTable("access_tokens");
            e.HasOne<UserRow>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Prefix).HasMaxLength(16);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => x.UserId);
        });

        builder.Entity<SignInCounterRow>(e =>
        {
            e.ToTable("sign_in_counters");
            e.HasKey(x => new { x.KeyHash, x.Minute });
            e.Property(x => x.KeyHash).HasMaxLength(64);
            // Past minutes are purged by age.
            e.HasIndex(x => x.Minute);
        });

        builder.Entity<IdempotentRequestRow>(e =>
        {
            e.ToTable("idempotent_requests");
            e.HasKey(x => new { x.UserId, x.Key });
            e.HasOne<UserRow>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.RequestHash).HasMaxLength(64);
            e.Property(x => x.Location).HasMaxLength(500);
            // Old keys are purged by age.
            e.HasIndex(x => x.CreatedAt);
        });
    }

    private static void ConfigurePartners(ModelBuilder builder)
    {
        builder.Entity<InvitationRow>(e =>
        {
            e.ToTable("invitations");
            e.HasOne<UserRow>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<UserRow>().WithMany().HasForeignKey(x => x.AcceptedByUserId).OnDelete(DeleteBehavior.SetNull);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.Property(x => x.Email).HasMaxLength(256);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => x.UserId);
        });

        builder.Entity<PartnershipRow>(e =>
        {
            e.ToTable("partnerships");
            e.HasOne<UserRow>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<UserRow>().WithMany().HasForeignKey(x => x.PartnerUserId).OnDelete(DeleteBehavior.Cascade);
            // One partnership per pair: removing and inviting again reuses the row.
            e.HasIndex(x => new { x.UserId, x.PartnerUserId }).IsUnique();
            e.HasIndex(x => x.PartnerUserId);
        });

        builder.Entity<SharedGoalRow>(e =>
        {
            e.ToTable("shared_goals");
            e.HasKey(x => new { x.PartnershipId, x.GoalId });
            e.HasOne<PartnershipRow>().WithMany().HasForeignKey(x => x.PartnershipId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<GoalRow>().WithMany().HasForeignKey(x => x.GoalId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.GoalId);
        });

        builder.Entity<PartnerNoteRow>(e =>
        {
            e.ToTable("partner_notes");
            e.HasOne<UserRow>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<UserRow>().WithMany().HasForeignKey(x => x.AuthorUserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<GoalRow>().WithMany().HasForeignKey(x => x.GoalId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ActionRow>().WithMany().HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Kind).HasMaxLength(12);
            e.Property(x => x.Body).HasMaxLength(2000);
            e.HasIndex(x => new { x.UserId, x.CreatedAt });
            e.HasIndex(x => x.AuthorUserId);
            e.HasIndex(x => x.GoalId);
            e.HasIndex(x => x.ActionId);
        });
    }

    private static void ConfigureNotifications(ModelBuilder builder)
    {
        builder.Entity<NotificationRow>(e =>
        {
            e.ToTable("notifications");
            e.HasOne<UserRow>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<UserRow>().WithMany().HasForeignKey(x => x.AboutUserId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.Subject).HasMaxLength(300);
            e.Property(x => x.Link).HasMaxLength(500);
            e.HasIndex(x => x.Key).IsUnique();
            e.HasIndex(x => new { x.UserId, x.CreatedAt });
            e.HasIndex(x => x.AboutUserId);
        });

        builder.Entity<DeliveryRow>(e =>
        {
            e.ToTable("deliveries");
            e.HasOne<NotificationRow>().WithMany().HasForeignKey(x => x.NotificationId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Channel).HasMaxLength(10);
            e.Property(x => x.Recipient).HasMaxLength(2000);
            e.Property(x => x.Status).HasMaxLength(10);
            e.Property(x => x.LeasedBy).HasMaxLength(100);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.HasIndex(x => new { x.NotificationId, x.Channel, x.Recipient }).IsUnique();
            // What the sender claims next: pending rows whose attempt is due.
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
        });

        builder.Entity<WebhookRow>(e =>
        {
            e.ToTable("webhooks");
            e.HasOne<UserRow>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Url).HasMaxLength(2000);
            e.Property(x => x.Secret).HasMaxLength(100);
            e.HasIndex(x => x.UserId);
        });
    }

    // In Headway's tables user_id is always the Headway user. Identity's own child tables call the account's id UserId;
    // naming that column account_id keeps a query on user_id from ever reading it as the Headway user.
    private static void NameAccountColumns(ModelBuilder builder)
    {
        foreach (var entity in new[] { typeof(IdentityUserClaim<long>), typeof(IdentityUserLogin<long>), typeof(IdentityUserToken<long>) })
        {
            var type = builder.Model.FindEntityType(entity)!;
            type.FindProperty(nameof(IdentityUserClaim<>.UserId))!.SetColumnName("account_id");
            foreach (var fk in type.GetForeignKeys())
            {
                fk.SetConstraintName($"fk_{type.GetTableName()}_account_id");
            }

            foreach (var index in type.GetIndexes())
            {
                index.SetDatabaseName($"ix_{type.GetTableName()}_account_id");
            }
        }
    }

    private static void ApplySnakeCase(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName($"pk_{entity.GetTableName()}");
            }

            foreach (var fk in entity.GetForeignKeys())
            {
                fk.SetConstraintName($"fk_{entity.GetTableName()}_{SnakeCase(fk.Properties[0].Name)}");
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName($"ix_{entity.GetTableName()}_{string.Join('_', index.Properties.Select(p => SnakeCase(p.Name)))}");
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
