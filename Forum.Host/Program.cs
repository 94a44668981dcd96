using Forum.Host.Identity;
using Forum.Host.Invitations;
using Forum.Host.Mail;
using Forum.Host.Pages;
using Forum.Host.Minutes;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);

builder.AddForumWeb();
builder.AddForumPersistence();
builder.AddForumMail();
builder.AddForumIdentity();
builder.AddForumSessions();
builder.AddForumMinutes();
builder.AddForumInvitations();

var app = builder.Build();

app.UseForumWeb();
app.MapForumSessions();
app.UseForumPages();

return await app.RunJasperFxCommands(args);

public partial class Program;
