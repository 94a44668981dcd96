using Forum.Domain.Forums;

namespace Forum.Projections.Forums;

/// <summary>One line of the forum directory: what a list of forums shows, and who may find it there (by e-mail).</summary>
public sealed class ForumDirectoryEntry
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Country { get; set; } = "";
    public string Language { get; set; } = "";
    public int Members { get; set; }
    public Dictionary<Guid, string> MemberEmails { get; set; } = [];
    public List<string> Secretariat { get; set; } = [];
    /// <summary>Members' and secretariat's e-mails together, so "my forums" is one indexed query.</summary>
    public List<string> People { get; set; } = [];

    public static ForumDirectoryEntry Create(ForumEstablished e) => new() { Id = e.ForumId, Name = e.Name, Country = e.Country, Language = e.Language };

    public void Apply(MemberAdmitted e) { MemberEmails[e.MemberId] = e.Email; Refresh(); }
    public void Apply(MemberRemoved e) { MemberEmails.Remove(e.MemberId); Refresh(); }
    public void Apply(SecretariatAssigned e) { Secretariat.Add(e.Email); Refresh(); }

    private void Refresh()
    {
        Members = MemberEmails.Count;
        People = MemberEmails.Values.Concat(Secretariat).Distinct().ToList();
    }
}
