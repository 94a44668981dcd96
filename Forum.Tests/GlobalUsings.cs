// What nearly every session spec names: the domain's core types and the spec support.
global using Forum.Domain.Common;
global using Forum.Domain.Forums;
global using Forum.Domain.Sessions;
global using Forum.Tests.Support;
