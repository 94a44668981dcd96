// What nearly every endpoint of the host uses: the domain's core types, the host's doors and answers, Marten and Wolverine.
global using Forum.Domain.Common;
global using Forum.Domain.Forums;
global using Forum.Domain.Sessions;
global using Forum.Host.Infrastructure;
global using Forum.Host.Sessions;
global using Marten;
global using Wolverine;
global using Wolverine.Http;
global using Wolverine.Marten;
